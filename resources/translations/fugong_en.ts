<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>About</name>
    <message>
        <location filename="../../desktop/about.py" line="17" />
        <source>复工自查</source>
        <translation>Fugong Self-Check</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="19" />
        <source>企事业单位复工复产疫情防控自查：逐项检查、现场测量、整改跟踪和检查报告。</source>
        <translation>Epidemic-control self-inspection for enterprises resuming work: item-by-item checks, on-site measurements, corrective actions and inspection reports.</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="20" />
        <source>检查表依据的官方文件见“帮助 → 依据文件”。</source>
        <translation>The official documents behind the checklists are listed under Help → Sources.</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="21" />
        <source>中文字体：Droid Sans Fallback（Apache License 2.0）。</source>
        <translation>Chinese font: Droid Sans Fallback (Apache License 2.0).</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="25" />
        <source>关于复工自查</source>
        <translation>About Fugong Self-Check</translation>
    </message>
</context>
<context>
    <name>CompanyType</name>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="30" />
        <source>工业企业</source>
        <translation>Industrial enterprise</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="31" />
        <source>建设工程参建单位</source>
        <translation>Construction project participant</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="32" />
        <source>商务楼宇（办公楼、写字楼）</source>
        <translation>Commercial building (offices)</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="33" />
        <source>商场（含超市）</source>
        <translation>Shopping mall (incl. supermarket)</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="34" />
        <source>餐馆（含内部食堂）</source>
        <translation>Restaurant (incl. staff canteen)</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="35" />
        <source>其他市场主体</source>
        <translation>Other market entity</translation>
    </message>
</context>
<context>
    <name>CorrectiveActionDialog</name>
    <message>
        <location filename="../../desktop/action_dialog.py" line="27" />
        <source>新建整改措施</source>
        <translation>New corrective action</translation>
    </message>
    <message>
        <location filename="../../desktop/action_dialog.py" line="33" />
        <source>例如：调整宿舍分配，每间不超过 4 人</source>
        <translation>e.g. reassign dormitory beds, at most 4 people per room</translation>
    </message>
    <message>
        <location filename="../../desktop/action_dialog.py" line="47" />
        <source>整改措施(&amp;A)：</source>
        <translation>&amp;Action:</translation>
    </message>
    <message>
        <location filename="../../desktop/action_dialog.py" line="48" />
        <source>责任人(&amp;O)：</source>
        <translation>&amp;Owner:</translation>
    </message>
    <message>
        <location filename="../../desktop/action_dialog.py" line="49" />
        <source>完成期限(&amp;D)：</source>
        <translation>&amp;Due date:</translation>
    </message>
    <message>
        <location filename="../../desktop/action_dialog.py" line="79" />
        <source>请填写整改措施。</source>
        <translation>Describe the corrective action.</translation>
    </message>
    <message>
        <location filename="../../desktop/action_dialog.py" line="83" />
        <source>请填写责任人。</source>
        <translation>Name the owner.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../desktop/errors.py" line="25" />
        <source>复工自查</source>
        <translation>Fugong Self-Check</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="30" />
        <source>程序内部错误，请把详细信息发给维护人员。</source>
        <translation>An internal error occurred; please send the details to the maintainers.</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../../desktop/export_action.py" line="72" />
        <source>报告导出功能在此版本中不可用。</source>
        <translation>Report export is not available in this version.</translation>
    </message>
    <message>
        <location filename="../../desktop/export_action.py" line="73" />
        <source>缺少 export.reports 模块。</source>
        <translation>The export.reports module is missing.</translation>
    </message>
    <message>
        <location filename="../../desktop/export_action.py" line="74" />
        <source>检查记录不受影响。</source>
        <translation>The inspection record is not affected.</translation>
    </message>
    <message>
        <location filename="../../desktop/export_action.py" line="79" />
        <source>选择保存报告的文件夹</source>
        <translation>Choose a folder for the reports</translation>
    </message>
    <message>
        <location filename="../../desktop/export_action.py" line="92" />
        <source>报告未能导出。</source>
        <translation>The reports could not be exported.</translation>
    </message>
    <message>
        <location filename="../../desktop/export_action.py" line="92" />
        <source>检查记录不受影响；没有留下写了一半的文件。</source>
        <translation>The inspection record is not affected; no half-written file was left behind.</translation>
    </message>
    <message>
        <location filename="../../desktop/export_action.py" line="94" />
        <source>正在导出报告……</source>
        <translation>Exporting reports…</translation>
    </message>
    <message>
        <location filename="../../desktop/export_action.py" line="102" />
        <source>报告已导出</source>
        <translation>Reports exported</translation>
    </message>
    <message>
        <location filename="../../desktop/export_action.py" line="103" />
        <source>报告已保存：</source>
        <translation>Reports saved:</translation>
    </message>
    <message>
        <location filename="../../desktop/export_action.py" line="104" />
        <source>打开文件</source>
        <translation>Open file</translation>
    </message>
    <message>
        <location filename="../../desktop/export_action.py" line="105" />
        <source>打开所在文件夹</source>
        <translation>Open folder</translation>
    </message>
</context>
<context>
    <name>InspectionTableModel</name>
    <message>
        <location filename="../../desktop/inspections_model.py" line="86" />
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections_model.py" line="87" />
        <source>企业 / 场所</source>
        <translation>Company / site</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections_model.py" line="88" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections_model.py" line="89" />
        <source>检查人</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections_model.py" line="90" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections_model.py" line="91" />
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections_model.py" line="92" />
        <source>不合格</source>
        <translation>Fail</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections_model.py" line="93" />
        <source>未查</source>
        <translation>Unchecked</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections_model.py" line="94" />
        <source>未完成整改</source>
        <translation>Open actions</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections_model.py" line="142" />
        <source>合格 {passed}，不合格 {failed}，不适用 {na}，未查 {unchecked}</source>
        <translation>{passed} pass, {failed} fail, {na} N/A, {unchecked} unchecked</translation>
    </message>
</context>
<context>
    <name>InspectionView</name>
    <message>
        <location filename="../../desktop/inspection_view.py" line="45" />
        <source>检查项</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../desktop/inspection_view.py" line="46" />
        <source>汇总</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../desktop/inspection_view.py" line="142" />
        <source>这次检查刚被其他人保存过，您最近的修改没有保存。</source>
        <translation>Someone else has just saved this inspection; your latest change was not saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/inspection_view.py" line="144" />
        <source>窗口已重新载入对方保存的内容。上面列出了没有保存的内容，请核对后重新填写。</source>
        <translation>The window now shows what they saved. What was not saved is listed above; please check it and enter it again.</translation>
    </message>
    <message>
        <location filename="../../desktop/inspection_view.py" line="152" />
        <source>刚才的填写暂时没能保存到数据库。</source>
        <translation>Your last entry could not be saved to the database yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/inspection_view.py" line="154" />
        <source>填写的内容仍保留在窗口中，程序会在您下次修改、切换检查项或关闭窗口时再次保存。</source>
        <translation>What you entered is kept in the window and will be saved again on your next change, when you switch items or close the window.</translation>
    </message>
</context>
<context>
    <name>InspectionsPage</name>
    <message>
        <location filename="../../desktop/inspections_view.py" line="47" />
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections_view.py" line="48" />
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections_view.py" line="48" />
        <source>已完成</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections_view.py" line="48" />
        <source>已签署</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections_view.py" line="50" />
        <source>日期从(&amp;D)</source>
        <translation>&amp;Dates from</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections_view.py" line="60" />
        <source>搜索企业、场所、检查人、编号</source>
        <translation>Search company, site, inspector, number</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections_view.py" line="64" />
        <source>场所(&amp;S)：</source>
        <translation>&amp;Site:</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections_view.py" line="71" />
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections_view.py" line="135" />
        <source>全部场所</source>
        <translation>All sites</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections_view.py" line="184" />
        <source>共 {total} 次检查，显示 {shown} 次</source>
        <translation>{total} inspections, {shown} shown</translation>
    </message>
</context>
<context>
    <name>ItemPage</name>
    <message>
        <location filename="../../desktop/item_page.py" line="143" />
        <source>要求</source>
        <translation>Requirement</translation>
    </message>
    <message>
        <location filename="../../desktop/item_page.py" line="149" />
        <source>现场检查方法</source>
        <translation>On-site guidance</translation>
    </message>
    <message>
        <location filename="../../desktop/item_page.py" line="155" />
        <source>测量值</source>
        <translation>Measured values</translation>
    </message>
    <message>
        <location filename="../../desktop/item_page.py" line="160" />
        <source>宿舍表</source>
        <translation>Dormitory rooms</translation>
    </message>
    <message>
        <location filename="../../desktop/item_page.py" line="165" />
        <source>规则判定</source>
        <translation>Rule verdict</translation>
    </message>
    <message>
        <location filename="../../desktop/item_page.py" line="180" />
        <source>检查结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../desktop/item_page.py" line="186" />
        <source>合格(&amp;P)</source>
        <translation>&amp;Pass</translation>
    </message>
    <message>
        <location filename="../../desktop/item_page.py" line="187" />
        <source>不合格(&amp;F)</source>
        <translation>&amp;Fail</translation>
    </message>
    <message>
        <location filename="../../desktop/item_page.py" line="188" />
        <source>不适用(&amp;N)</source>
        <translation>&amp;N/A</translation>
    </message>
    <message>
        <location filename="../../desktop/item_page.py" line="207" />
        <source>说明为何与规则判定不同</source>
        <translation>Explain why the result differs from the rules</translation>
    </message>
    <message>
        <location filename="../../desktop/item_page.py" line="212" />
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../desktop/item_page.py" line="220" />
        <source>照片和文件</source>
        <translation>Photos and files</translation>
    </message>
    <message>
        <location filename="../../desktop/item_page.py" line="225" />
        <source>整改措施</source>
        <translation>Corrective actions</translation>
    </message>
    <message>
        <location filename="../../desktop/item_page.py" line="229" />
        <source>新建整改措施(&amp;C)…</source>
        <translation>New &amp;corrective action…</translation>
    </message>
    <message>
        <location filename="../../desktop/item_page.py" line="270" />
        <source>依据：《{title}》{number}（{date}）{clause}</source>
        <translation>Source: {title}{number} ({date}), {clause}</translation>
    </message>
    <message>
        <location filename="../../desktop/item_page.py" line="275" />
        <source>重要程度：关键</source>
        <translation>Severity: critical</translation>
    </message>
    <message>
        <location filename="../../desktop/item_page.py" line="276" />
        <source>重要程度：重要</source>
        <translation>Severity: major</translation>
    </message>
    <message>
        <location filename="../../desktop/item_page.py" line="277" />
        <source>重要程度：一般</source>
        <translation>Severity: minor</translation>
    </message>
    <message>
        <location filename="../../desktop/item_page.py" line="291" />
        <source>：</source>
        <translation>:</translation>
    </message>
    <message>
        <location filename="../../desktop/item_page.py" line="332" />
        <source>合格</source>
        <translation>Pass</translation>
    </message>
    <message>
        <location filename="../../desktop/item_page.py" line="332" />
        <source>不合格</source>
        <translation>Fail</translation>
    </message>
    <message>
        <location filename="../../desktop/item_page.py" line="332" />
        <source>不适用</source>
        <translation>N/A</translation>
    </message>
    <message>
        <location filename="../../desktop/item_page.py" line="334" />
        <source>依规则判定：{result}</source>
        <translation>The rules say: {result}</translation>
    </message>
    <message>
        <location filename="../../desktop/item_page.py" line="337" />
        <source>填写测量值后，规则会给出判定。</source>
        <translation>Enter the measured values and the rules will give a verdict.</translation>
    </message>
    <message>
        <location filename="../../desktop/item_page.py" line="340" />
        <source>本项没有数值规则，请根据现场检查选择结果。</source>
        <translation>No numeric rule for this item; choose the result from what you saw on site.</translation>
    </message>
    <message>
        <location filename="../../desktop/item_page.py" line="351" />
        <source>另有 {count} 项房间检查合格。</source>
        <translation>{count} more room checks passed.</translation>
    </message>
    <message>
        <location filename="../../desktop/item_page.py" line="365" />
        <source>数值无效，已按输入保存：</source>
        <translation>Invalid value, saved as typed: </translation>
    </message>
    <message>
        <location filename="../../desktop/item_page.py" line="377" />
        <source>所选结果与规则判定（{derived}）不同，请说明理由（必填）：</source>
        <translation>Your result differs from the rules ({derived}); give a reason (required):</translation>
    </message>
    <message>
        <location filename="../../desktop/item_page.py" line="383" />
        <source>尚未选择结果：按规则计为“{result}”。</source>
        <translation>No result chosen yet: counted as “{result}” by the rules.</translation>
    </message>
    <message>
        <location filename="../../desktop/item_page.py" line="405" />
        <source>尚无整改措施。</source>
        <translation>No corrective action yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/item_page.py" line="408" />
        <source>• {action}（责任人：{owner}，期限：{due}）</source>
        <translation>• {action} (owner: {owner}, due: {due})</translation>
    </message>
    <message>
        <location filename="../../desktop/item_page.py" line="471" />
        <source>照片未能保存。</source>
        <translation>The photo could not be saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/item_page.py" line="471" />
        <source>已填写的内容都已保存；请稍后再添加照片。</source>
        <translation>Everything you entered is saved; try adding the photo again later.</translation>
    </message>
    <message>
        <location filename="../../desktop/item_page.py" line="476" />
        <source>有文件未能添加。</source>
        <translation>Some files could not be attached.</translation>
    </message>
    <message>
        <location filename="../../desktop/item_page.py" line="478" />
        <source>其他文件和已填写的内容都已保存。</source>
        <translation>The other files and everything you entered are saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/item_page.py" line="509" />
        <source>整改措施未能保存。</source>
        <translation>The corrective action could not be saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/item_page.py" line="509" />
        <source>对话框中的内容仍保留，可再试一次。</source>
        <translation>The dialog keeps what you typed; you can try again.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="76" />
        <location filename="../../desktop/main_window.py" line="345" />
        <location filename="../../desktop/main_window.py" line="449" />
        <source>复工自查</source>
        <translation>Fugong Self-Check</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="86" />
        <location filename="../../desktop/main_window.py" line="199" />
        <source>正在打开数据库……</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="115" />
        <source>新建检查(&amp;N)…</source>
        <translation>&amp;New inspection…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="116" />
        <source>打开检查(&amp;O)</source>
        <translation>&amp;Open inspection</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="117" />
        <source>返回检查列表(&amp;L)</source>
        <translation>Back to the &amp;list</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="118" />
        <source>导出报告(&amp;E)…</source>
        <translation>&amp;Export reports…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="119" />
        <source>刷新列表(&amp;R)</source>
        <translation>&amp;Refresh list</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="120" />
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="121" />
        <source>合格</source>
        <translation>Pass</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="122" />
        <source>不合格</source>
        <translation>Fail</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="123" />
        <source>不适用</source>
        <translation>N/A</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="125" />
        <source>下一项(&amp;X)</source>
        <translation>Ne&amp;xt item</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="128" />
        <source>上一项(&amp;V)</source>
        <translation>Pre&amp;vious item</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="130" />
        <source>汇总(&amp;S)</source>
        <translation>&amp;Summary</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="131" />
        <source>依据文件(&amp;S)…</source>
        <translation>&amp;Sources…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="132" />
        <source>关于复工自查(&amp;A)…</source>
        <translation>&amp;About Fugong Self-Check…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="146" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="151" />
        <source>检查(&amp;I)</source>
        <translation>&amp;Inspection</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="157" />
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="158" />
        <source>语言 / Language(&amp;L)</source>
        <translation>&amp;Language / 语言</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="161" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="165" />
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="208" />
        <source>数据库：{url}</source>
        <translation>Database: {url}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="223" />
        <source>无法打开数据库</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="226" />
        <source>无法打开数据库。</source>
        <translation>The database cannot be opened.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="228" />
        <source>没有修改任何数据。请处理上述问题后重新启动程序。</source>
        <translation>No data was changed. Fix the problem above, then start the program again.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="242" />
        <source>无法读取检查列表。</source>
        <translation>The list of inspections cannot be read.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="242" />
        <location filename="../../desktop/main_window.py" line="331" />
        <source>没有修改任何数据。</source>
        <translation>No data was changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="243" />
        <source>正在读取检查列表……</source>
        <translation>Reading the inspections…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="331" />
        <source>无法打开这次检查。</source>
        <translation>This inspection cannot be opened.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="350" />
        <source>{place} {date} — 复工自查</source>
        <translation>{place} {date} — Fugong Self-Check</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="355" />
        <source>已自动保存 {time}</source>
        <translation>Saved automatically at {time}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="450" />
        <source>有填写内容没能保存到数据库（原因见前一条提示）。仍要关闭窗口吗？未保存的内容将丢失。</source>
        <translation>Some entries could not be saved to the database (see the previous message). Close the window anyway? Unsaved entries will be lost.</translation>
    </message>
</context>
<context>
    <name>MeasurementField</name>
    <message>
        <location filename="../../desktop/item_page.py" line="73" />
        <source>（未填）</source>
        <translation>(not entered)</translation>
    </message>
    <message>
        <location filename="../../desktop/item_page.py" line="74" />
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../desktop/item_page.py" line="75" />
        <source>否</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>NavigatorModel</name>
    <message>
        <location filename="../../desktop/navigator_model.py" line="128" />
        <source>检查项</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../desktop/navigator_model.py" line="128" />
        <source>进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../desktop/navigator_model.py" line="174" />
        <source>合格</source>
        <translation>Pass</translation>
    </message>
    <message>
        <location filename="../../desktop/navigator_model.py" line="174" />
        <source>不合格</source>
        <translation>Fail</translation>
    </message>
    <message>
        <location filename="../../desktop/navigator_model.py" line="174" />
        <source>不适用</source>
        <translation>N/A</translation>
    </message>
    <message>
        <location filename="../../desktop/navigator_model.py" line="179" />
        <source>已答 {answered} / 共 {total}，不合格 {failed}</source>
        <translation>{answered} of {total} answered, {failed} failed</translation>
    </message>
</context>
<context>
    <name>NewInspectionDialog</name>
    <message>
        <location filename="../../desktop/new_inspection_dialog.py" line="62" />
        <source>新建检查</source>
        <translation>New inspection</translation>
    </message>
    <message>
        <location filename="../../desktop/new_inspection_dialog.py" line="75" />
        <source>企业 / 场所(&amp;S)：</source>
        <translation>Company / &amp;site:</translation>
    </message>
    <message>
        <location filename="../../desktop/new_inspection_dialog.py" line="76" />
        <source>检查日期(&amp;D)：</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location filename="../../desktop/new_inspection_dialog.py" line="77" />
        <source>检查人(&amp;I)：</source>
        <translation>&amp;Inspector:</translation>
    </message>
    <message>
        <location filename="../../desktop/new_inspection_dialog.py" line="79" />
        <source>检查依据（可多选）</source>
        <translation>Check against (choose one or more)</translation>
    </message>
    <message>
        <location filename="../../desktop/new_inspection_dialog.py" line="91" />
        <source>{items} 项，{date}{number}</source>
        <translation>{items} items, {date}{number}</translation>
    </message>
    <message>
        <location filename="../../desktop/new_inspection_dialog.py" line="104" />
        <source>开始检查</source>
        <translation>Start inspection</translation>
    </message>
    <message>
        <location filename="../../desktop/new_inspection_dialog.py" line="128" />
        <source>请先完成首次设置，登记企业。</source>
        <translation>Complete the first-run setup and register the company first.</translation>
    </message>
    <message>
        <location filename="../../desktop/new_inspection_dialog.py" line="132" />
        <source>请至少选择一份检查依据。</source>
        <translation>Choose at least one catalog.</translation>
    </message>
    <message>
        <location filename="../../desktop/new_inspection_dialog.py" line="135" />
        <source>请填写检查人。</source>
        <translation>Enter the inspector's name.</translation>
    </message>
    <message>
        <location filename="../../desktop/new_inspection_dialog.py" line="143" />
        <source>未能创建检查：</source>
        <translation>The inspection could not be created: </translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <location filename="../../desktop/operations.py" line="106" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/operations.py" line="107" />
        <source>请稍候</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <location filename="../../desktop/operations.py" line="128" />
        <source>正在取消……</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../desktop/photos.py" line="121" />
        <source>添加照片或文件(&amp;H)…</source>
        <translation>Add p&amp;hoto or file…</translation>
    </message>
    <message>
        <location filename="../../desktop/photos.py" line="123" />
        <source>删除所选</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <location filename="../../desktop/photos.py" line="125" />
        <source>也可以把照片拖到这里。</source>
        <translation>You can also drop photos here.</translation>
    </message>
    <message>
        <location filename="../../desktop/photos.py" line="146" />
        <source>选择照片或文件</source>
        <translation>Choose photos or files</translation>
    </message>
    <message>
        <location filename="../../desktop/photos.py" line="146" />
        <source>照片和文件</source>
        <translation>Photos and files</translation>
    </message>
    <message>
        <location filename="../../desktop/photos.py" line="146" />
        <source>所有文件</source>
        <translation>All files</translation>
    </message>
</context>
<context>
    <name>RoomTableModel</name>
    <message>
        <location filename="../../desktop/rooms_editor.py" line="102" />
        <source>房间</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../desktop/rooms_editor.py" line="103" />
        <source>面积 (m²)</source>
        <translation>Area (m²)</translation>
    </message>
    <message>
        <location filename="../../desktop/rooms_editor.py" line="104" />
        <source>人数</source>
        <translation>Occupants</translation>
    </message>
    <message>
        <location filename="../../desktop/rooms_editor.py" line="105" />
        <source>位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../desktop/rooms_editor.py" line="106" />
        <source>有窗</source>
        <translation>Window</translation>
    </message>
    <message>
        <location filename="../../desktop/rooms_editor.py" line="107" />
        <source>上下床</source>
        <translation>Bunk beds</translation>
    </message>
    <message>
        <location filename="../../desktop/rooms_editor.py" line="212" />
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../desktop/rooms_editor.py" line="212" />
        <source>否</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>Rooms</name>
    <message>
        <location filename="../../desktop/rooms_editor.py" line="63" />
        <source>地上</source>
        <translation>Above ground</translation>
    </message>
    <message>
        <location filename="../../desktop/rooms_editor.py" line="64" />
        <source>半地下室</source>
        <translation>Semi-basement</translation>
    </message>
    <message>
        <location filename="../../desktop/rooms_editor.py" line="65" />
        <source>地下</source>
        <translation>Underground</translation>
    </message>
    <message>
        <location filename="../../desktop/rooms_editor.py" line="393" />
        <source>待填写</source>
        <translation>to be filled in</translation>
    </message>
    <message>
        <location filename="../../desktop/rooms_editor.py" line="394" />
        <source>数据有误：</source>
        <translation>Invalid data: </translation>
    </message>
    <message>
        <location filename="../../desktop/rooms_editor.py" line="401" />
        <source>不合格：</source>
        <translation>Fail: </translation>
    </message>
    <message>
        <location filename="../../desktop/rooms_editor.py" line="403" />
        <source>合格，需注意</source>
        <translation>Pass, with a warning</translation>
    </message>
    <message>
        <location filename="../../desktop/rooms_editor.py" line="405" />
        <source>合格</source>
        <translation>Pass</translation>
    </message>
</context>
<context>
    <name>RoomsEditor</name>
    <message>
        <location filename="../../desktop/rooms_editor.py" line="326" />
        <source>添加房间(&amp;R)</source>
        <translation>Add &amp;room</translation>
    </message>
    <message>
        <location filename="../../desktop/rooms_editor.py" line="328" />
        <source>删除所选房间</source>
        <translation>Remove selected rooms</translation>
    </message>
    <message>
        <location filename="../../desktop/rooms_editor.py" line="330" />
        <source>每间宿舍一行：面积为使用面积，人数为实住人数。</source>
        <translation>One row per dormitory room: usable floor area and actual occupants.</translation>
    </message>
</context>
<context>
    <name>SectionCountsModel</name>
    <message>
        <location filename="../../desktop/summary_page.py" line="75" />
        <source>部分</source>
        <translation>Section</translation>
    </message>
    <message>
        <location filename="../../desktop/summary_page.py" line="76" />
        <source>合格</source>
        <translation>Pass</translation>
    </message>
    <message>
        <location filename="../../desktop/summary_page.py" line="77" />
        <source>不合格</source>
        <translation>Fail</translation>
    </message>
    <message>
        <location filename="../../desktop/summary_page.py" line="78" />
        <source>不适用</source>
        <translation>N/A</translation>
    </message>
    <message>
        <location filename="../../desktop/summary_page.py" line="79" />
        <source>未查</source>
        <translation>Unchecked</translation>
    </message>
    <message>
        <location filename="../../desktop/summary_page.py" line="80" />
        <source>已答</source>
        <translation>Answered</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="63" />
        <source>首次设置 — 复工自查</source>
        <translation>First-run setup — Fugong Self-Check</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="64" />
        <source>欢迎使用复工自查</source>
        <translation>Welcome to Fugong Self-Check</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="71" />
        <source>请填写本企业的基本信息和检查人姓名。官方检查表（国务院联防联控机制指南、北京市通知等）已内置在程序中，无需另找文件。</source>
        <translation>Enter your company's details and the inspector's name. The official checklists (State Council guidelines, Beijing notices and others) ship with the program: there is no file to find.</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="79" />
        <source>例如：北京某某制造有限公司</source>
        <translation>e.g. Beijing Example Manufacturing Co., Ltd.</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="83" />
        <source>18 位统一社会信用代码</source>
        <translation>18-character unified social credit code</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="95" />
        <source>可选，例如：一号厂区、员工宿舍楼</source>
        <translation>Optional, e.g. Plant 1, staff dormitory building</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="98" />
        <source>填写检查记录时使用的姓名</source>
        <translation>The name used on inspection records</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="107" />
        <source>企业名称(&amp;C)：</source>
        <translation>&amp;Company name:</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="108" />
        <source>统一社会信用代码(&amp;U)：</source>
        <translation>&amp;Unified social credit code:</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="110" />
        <source>企业类型(&amp;T)：</source>
        <translation>Company &amp;type:</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="111" />
        <source>场所(&amp;S)：</source>
        <translation>&amp;Site:</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="116" />
        <source>检查人姓名(&amp;O)：</source>
        <translation>Inspecting &amp;officer:</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="119" />
        <source>开始使用</source>
        <translation>Get started</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="179" />
        <source>请填写企业名称。</source>
        <translation>Enter the company name.</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="184" />
        <source>请填写统一社会信用代码。</source>
        <translation>Enter the unified social credit code.</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="188" />
        <source>请填写检查人姓名。</source>
        <translation>Enter the officer's name.</translation>
    </message>
    <message>
        <location filename="../../desktop/setup_dialog.py" line="196" />
        <source>未能保存：</source>
        <translation>Could not save: </translation>
    </message>
</context>
<context>
    <name>SourcesDialog</name>
    <message>
        <location filename="../../desktop/about.py" line="36" />
        <source>依据文件</source>
        <translation>Sources</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="49" />
        <source>检查表</source>
        <translation>Catalog</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="49" />
        <source>文件</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="49" />
        <source>发文机关</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="49" />
        <source>文号</source>
        <translation>Document number</translation>
    </message>
    <message>
        <location filename="../../desktop/about.py" line="49" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../desktop/inspections_model.py" line="50" />
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections_model.py" line="51" />
        <source>已完成</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections_model.py" line="52" />
        <source>已签署</source>
        <translation>Signed</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../desktop/summary_page.py" line="166" />
        <source>完成检查(&amp;M)</source>
        <translation>Co&amp;mplete inspection</translation>
    </message>
    <message>
        <location filename="../../desktop/summary_page.py" line="188" />
        <source>无法读取检查记录。</source>
        <translation>The inspection record cannot be read.</translation>
    </message>
    <message>
        <location filename="../../desktop/summary_page.py" line="188" />
        <source>已填写的内容都已保存。</source>
        <translation>Everything you entered is saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/summary_page.py" line="192" />
        <source>{place} — {date}，检查人：{inspector}（{status}）</source>
        <translation>{place} — {date}, inspector: {inspector} ({status})</translation>
    </message>
    <message>
        <location filename="../../desktop/summary_page.py" line="200" />
        <source>共 {total} 项：合格 {passed}，不合格 {failed}，不适用 {na}，未查 {unchecked}；合格率 {rate}</source>
        <translation>{total} items: {passed} pass, {failed} fail, {na} N/A, {unchecked} unchecked; pass rate {rate}</translation>
    </message>
    <message>
        <location filename="../../desktop/summary_page.py" line="225" />
        <source>本次检查已完成。</source>
        <translation>This inspection is completed.</translation>
    </message>
    <message>
        <location filename="../../desktop/summary_page.py" line="228" />
        <source>还有 {count} 个问题需要处理，处理后才能完成检查。</source>
        <translation>{count} problems still block completion.</translation>
    </message>
    <message>
        <location filename="../../desktop/summary_page.py" line="231" />
        <source>所有检查项均已处理，可以完成检查。</source>
        <translation>Every item is dealt with; the inspection can be completed.</translation>
    </message>
    <message>
        <location filename="../../desktop/summary_page.py" line="235" />
        <source>无。</source>
        <translation>None.</translation>
    </message>
    <message>
        <location filename="../../desktop/summary_page.py" line="236" />
        <source>责任人</source>
        <translation>owner</translation>
    </message>
    <message>
        <location filename="../../desktop/summary_page.py" line="236" />
        <source>期限</source>
        <translation>due</translation>
    </message>
    <message>
        <location filename="../../desktop/summary_page.py" line="237" />
        <source>不合格项</source>
        <translation>Failed items</translation>
    </message>
    <message>
        <location filename="../../desktop/summary_page.py" line="238" />
        <source>未完成的整改措施</source>
        <translation>Open corrective actions</translation>
    </message>
    <message>
        <location filename="../../desktop/summary_page.py" line="239" />
        <source>尚未处理、影响完成的问题</source>
        <translation>What still blocks completion</translation>
    </message>
    <message>
        <location filename="../../desktop/summary_page.py" line="253" />
        <source>人工判定：</source>
        <translation>Officer's judgement: </translation>
    </message>
    <message>
        <location filename="../../desktop/summary_page.py" line="298" />
        <source>检查未能完成。</source>
        <translation>The inspection could not be completed.</translation>
    </message>
    <message>
        <location filename="../../desktop/summary_page.py" line="298" />
        <source>已填写的内容都已保存，检查仍为草稿。</source>
        <translation>Everything you entered is saved; the inspection stays a draft.</translation>
    </message>
</context>
</TS>