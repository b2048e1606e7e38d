<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>About</name>
    <message>
        <location filename="../../desktop/common/about.py" line="18"/>
        <source>复工自查</source>
        <translation>Fugong Self-Check</translation>
    </message>
    <message>
        <location filename="../../desktop/common/about.py" line="20"/>
        <source>企事业单位复工复产疫情防控自查：逐项检查、现场测量、整改跟踪和检查报告。</source>
        <translation>Epidemic-control self-inspection for enterprises resuming work: item-by-item checks, on-site measurements, corrective actions and inspection reports.</translation>
    </message>
    <message>
        <location filename="../../desktop/common/about.py" line="21"/>
        <source>检查表依据的官方文件见“帮助 → 依据文件”。</source>
        <translation>The official documents behind the checklists are listed under Help → Sources.</translation>
    </message>
    <message>
        <location filename="../../desktop/common/about.py" line="22"/>
        <source>中文字体：Droid Sans Fallback（Apache License 2.0）。</source>
        <translation>Chinese font: Droid Sans Fallback (Apache License 2.0).</translation>
    </message>
    <message>
        <location filename="../../desktop/common/about.py" line="26"/>
        <source>关于复工自查</source>
        <translation>About Fugong Self-Check</translation>
    </message>
</context>
<context>
    <name>Accounts</name>
    <message>
        <location filename="../../desktop/accounts/account.py" line="48"/>
        <source>安全员</source>
        <translation>Safety officer</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/account.py" line="49"/>
        <source>单位主要负责人</source>
        <translation>Head of the organisation</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/account.py" line="50"/>
        <source>审计员</source>
        <translation>Auditor</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/account.py" line="57"/>
        <source>检查人</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/account.py" line="58"/>
        <source>单位主要负责人审核</source>
        <translation>Review by the head of the organisation</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/account.py" line="66"/>
        <source>本人作为检查人签署，确认亲自完成了本次检查，记录的检查结果、测量值、照片和整改措施真实、完整。签署后记录即被锁定，不能再修改；如需更正，只能创建新版本。</source>
        <translation>I sign as the inspector and confirm that I carried out this inspection myself and that the results, measurements, photos and corrective actions recorded are true and complete. Signing locks the record: it cannot be changed afterwards; a correction can only be made as a new version.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/account.py" line="71"/>
        <source>本人作为单位主要负责人签署，确认已审核本次检查记录和整改措施，同意其内容，并对整改的落实负责。</source>
        <translation>I sign as the head of the organisation and confirm that I have reviewed this inspection record and its corrective actions, that I agree with them, and that I am responsible for carrying out the corrections.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/account.py" line="83"/>
        <source>密码错误次数过多，请等 {seconds} 秒后再试。</source>
        <translation>Too many wrong passwords: please wait {seconds} s and try again.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/account.py" line="87"/>
        <source>账户名或密码不正确。</source>
        <translation>Unknown account or wrong password.</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../../desktop/accounts/manage.py" line="103"/>
        <source>管理账户</source>
        <translation>Manage accounts</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/manage.py" line="111"/>
        <source>停用的账户不能登录、签署，也不能以其名义修改数据；其证书被签名机构吊销，此后的签名不再有效，此前签署的记录照常可以验证。重新启用时签发新证书。每项修改都需要输入您的密码。</source>
        <translation>A disabled account cannot log in, sign, or have changes made in its name; the signing authority revokes its certificate, so signatures made afterwards are not valid, while records it signed before still verify. Enabling it again issues a new certificate. Every change needs your password.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/manage.py" line="128"/>
        <source>停用(&amp;D)</source>
        <translation>&amp;Disable</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/manage.py" line="130"/>
        <source>启用(&amp;E)</source>
        <translation>&amp;Enable</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/manage.py" line="136"/>
        <source>修改角色(&amp;R)</source>
        <translation>Change &amp;role</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/manage.py" line="141"/>
        <source>您的密码</source>
        <translation>Your password</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/manage.py" line="142"/>
        <source>您的密码(&amp;P)：</source>
        <translation>Your &amp;password:</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/manage.py" line="205"/>
        <source>不能停用自己的账户。</source>
        <translation>You cannot disable your own account.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/manage.py" line="206"/>
        <source>不能修改自己的角色。</source>
        <translation>You cannot change your own role.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/manage.py" line="224"/>
        <source>无法读取账户。</source>
        <translation>The accounts could not be read.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/manage.py" line="224"/>
        <location filename="../../desktop/accounts/manage.py" line="264"/>
        <source>没有修改任何数据。</source>
        <translation>Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/manage.py" line="233"/>
        <source>已重新启用账户：{name}</source>
        <translation>Account enabled again: {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/manage.py" line="233"/>
        <source>已停用账户：{name}</source>
        <translation>Account disabled: {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/manage.py" line="243"/>
        <source>{name} 的角色已改为：{role}</source>
        <translation>{name}&apos;s role is now: {role}</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/manage.py" line="264"/>
        <source>账户未能修改。</source>
        <translation>The account was not changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/manage.py" line="266"/>
        <source>账户未能修改：</source>
        <translation>The account was not changed: </translation>
    </message>
</context>
<context>
    <name>AccountsModel</name>
    <message>
        <location filename="../../desktop/accounts/manage.py" line="63"/>
        <source>账户</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/manage.py" line="63"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/manage.py" line="63"/>
        <source>签名密钥</source>
        <translation>Signing key</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/manage.py" line="63"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/manage.py" line="73"/>
        <source>有</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/manage.py" line="73"/>
        <source>无</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/manage.py" line="74"/>
        <source>可用</source>
        <translation>active</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/manage.py" line="74"/>
        <source>已停用</source>
        <translation>disabled</translation>
    </message>
</context>
<context>
    <name>AddAccountDialog</name>
    <message>
        <location filename="../../desktop/accounts/add.py" line="53"/>
        <location filename="../../desktop/accounts/add.py" line="108"/>
        <source>添加账户</source>
        <translation>Add account</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/add.py" line="69"/>
        <source>至少 8 个字符</source>
        <translation>at least 8 characters</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/add.py" line="76"/>
        <location filename="../../desktop/accounts/add.py" line="146"/>
        <source>用于签发该账户的签名证书</source>
        <translation>to issue the new account&apos;s signing certificate</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/add.py" line="80"/>
        <location filename="../../desktop/accounts/add.py" line="143"/>
        <source>不导入：程序为该账户生成签名密钥</source>
        <translation>none: a signing key is generated for this account</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/add.py" line="81"/>
        <source>选择(&amp;B)…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/add.py" line="83"/>
        <source>不导入</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/add.py" line="89"/>
        <source>可选：PKCS#12 文件（.p12 / .pfx），须能用上面的密码打开；其密钥由本单位签名机构重新签发证书。</source>
        <translation>Optional: a PKCS#12 file (.p12 / .pfx) that opens with the password above; the company signing authority issues a new certificate for its key.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/add.py" line="96"/>
        <source>姓名（账户名）(&amp;N)：</source>
        <translation>&amp;Name (account):</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/add.py" line="97"/>
        <source>角色(&amp;R)：</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/add.py" line="99"/>
        <source>密码(&amp;P)：</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/add.py" line="100"/>
        <source>再次输入密码(&amp;A)：</source>
        <translation>Password &amp;again:</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/add.py" line="101"/>
        <source>签名证书(&amp;K)：</source>
        <translation>Signing &amp;key:</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/add.py" line="105"/>
        <source>您的密码(&amp;Y)：</source>
        <translation>&amp;Your password:</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/add.py" line="131"/>
        <source>填写检查记录，并作为检查人签署。</source>
        <translation>Fills in inspections and signs them as the inspector.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/add.py" line="132"/>
        <source>另可添加账户，并作为单位主要负责人审核签署。</source>
        <translation>Also adds accounts and countersigns as the head of the organisation.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/add.py" line="133"/>
        <source>只能查看、验证和导出，不能修改任何数据。</source>
        <translation>Can view, verify and export; cannot change any data.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/add.py" line="143"/>
        <source>审计员不签署，不需要签名密钥</source>
        <translation>An auditor signs nothing: no signing key is needed</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/add.py" line="146"/>
        <source>确认由您添加此账户</source>
        <translation>Confirms that you add this account</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/add.py" line="152"/>
        <source>选择 PKCS#12 密钥文件</source>
        <translation>Choose a PKCS#12 key file</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/add.py" line="152"/>
        <source>PKCS#12 文件 (*.p12 *.pfx);;所有文件 (*)</source>
        <translation>PKCS#12 files (*.p12 *.pfx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/add.py" line="167"/>
        <source>请填写姓名。</source>
        <translation>Please enter a name.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/add.py" line="172"/>
        <source>密码至少需要 {count} 个字符。</source>
        <translation>The password needs at least {count} characters.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/add.py" line="176"/>
        <source>两次输入的密码不一致。</source>
        <translation>The two passwords do not match.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/add.py" line="180"/>
        <source>请输入您自己的密码：添加账户（并签发其签名证书）需要它。</source>
        <translation>Type your own password: adding an account (and issuing its signing certificate) needs it.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/add.py" line="188"/>
        <source>无法读取密钥文件：{reason}</source>
        <translation>The key file cannot be read: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/add.py" line="208"/>
        <source>正在创建账户和签名密钥……</source>
        <translation>Creating the account and its signing key…</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/add.py" line="208"/>
        <source>正在创建账户……</source>
        <translation>Creating the account…</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/add.py" line="222"/>
        <source>账户未能添加。</source>
        <translation>The account was not added.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/add.py" line="222"/>
        <source>填写的内容仍保留在对话框中。</source>
        <translation>What you typed is still in the dialog.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/add.py" line="225"/>
        <source>账户未能添加：</source>
        <translation>The account was not added: </translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <location filename="../../desktop/audit/models.py" line="151"/>
        <source>已审核（检查人 + 单位主要负责人）</source>
        <translation>Approved (inspector + head of the organisation)</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="153"/>
        <source>检查人已签署，待审核</source>
        <translation>Signed by the inspector, awaiting review</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="154"/>
        <source>未签署</source>
        <translation>Not signed</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="159"/>
        <source>新增</source>
        <translation>Added</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="160"/>
        <source>修改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="161"/>
        <source>删除</source>
        <translation>Removed</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="162"/>
        <source>完成</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="163"/>
        <source>签署</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="164"/>
        <source>登录失败</source>
        <translation>Login failed</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="171"/>
        <source>检查记录</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="172"/>
        <source>检查项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="173"/>
        <source>宿舍</source>
        <translation>Dormitory room</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="174"/>
        <source>照片</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="175"/>
        <source>整改措施</source>
        <translation>Corrective action</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="176"/>
        <source>签名</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="177"/>
        <source>报告文件</source>
        <translation>Report file</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="178"/>
        <source>企业</source>
        <translation>Company</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="179"/>
        <source>场所</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="180"/>
        <source>账户</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="264"/>
        <source>每日健康汇总</source>
        <translation>Daily health summary</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="265"/>
        <source>通风消毒记录</source>
        <translation>Ventilation and disinfection log</translation>
    </message>
</context>
<context>
    <name>AuditRecordsModel</name>
    <message>
        <location filename="../../desktop/audit/models.py" line="342"/>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="343"/>
        <source>企业 / 场所</source>
        <translation>Company / site</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="344"/>
        <source>检查日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="345"/>
        <source>检查人</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="346"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="347"/>
        <source>签名</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="348"/>
        <source>验证结果</source>
        <translation>Verification</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="383"/>
        <source>未验证</source>
        <translation>Not verified</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="385"/>
        <source>完好，未被改动</source>
        <translation>Intact, unchanged</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="387"/>
        <source>验证失败</source>
        <translation>Verification failed</translation>
    </message>
</context>
<context>
    <name>AuditTrailModel</name>
    <message>
        <location filename="../../desktop/audit/models.py" line="413"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="414"/>
        <source>时间（本地）</source>
        <translation>Time (local)</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="415"/>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="416"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="417"/>
        <source>对象</source>
        <translation>Object</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="418"/>
        <source>变更（原值 → 新值）</source>
        <translation>Change (old → new)</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="419"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>AuditWindow</name>
    <message>
        <location filename="../../desktop/audit/view.py" line="91"/>
        <source>审计 — 复工自查</source>
        <translation>Audit — Fugong Self-Check</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="109"/>
        <location filename="../../desktop/audit/view.py" line="235"/>
        <source>选择一条记录，查看它的审计记录。</source>
        <translation>Select a record to see its audit trail.</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="114"/>
        <source>全部检查记录</source>
        <translation>All inspection records</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="116"/>
        <source>验证结果</source>
        <translation>Verification</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="122"/>
        <source>验证记录(&amp;R)</source>
        <translation>Verify &amp;record</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="124"/>
        <source>重新计算所选记录的哈希，与签署时存储的哈希和审计记录比对</source>
        <translation>Recompute the selected record&apos;s hash and compare it with the hash stored when it was signed and with the audit trail</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="125"/>
        <source>检查审计链(&amp;C)</source>
        <translation>Check audit &amp;chain</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="127"/>
        <source>逐条重新计算全部审计记录的哈希链</source>
        <translation>Recompute the hash chain of the whole audit trail, entry by entry</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="128"/>
        <source>验证文件(&amp;F)…</source>
        <translation>Verify &amp;file…</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="130"/>
        <source>检查 PDF 或 Excel 报告（及其旁边的 .p7s）的签名</source>
        <translation>Check the signatures of a PDF or Excel report (with the .p7s beside it)</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="132"/>
        <location filename="../../desktop/audit/view.py" line="466"/>
        <source>信任文件(&amp;T)…</source>
        <translation>&amp;Trust file…</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="135"/>
        <source>选择签名机构的信任文件（PEM）作为验证的信任锚；未选择时使用本机固定的签名机构</source>
        <translation>Choose the signing authority&apos;s trust file (PEM) as the trust anchor of verification; without one, the authority pinned on this computer is used</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="137"/>
        <source>验证签署日(&amp;D)</source>
        <translation>Verify signed &amp;day</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="140"/>
        <source>核对所选台账日：签署的内容、当日记录是否在签署后被改动、数字签名和 PDF 签名</source>
        <translation>Check the selected register day: the signed content, whether the day&apos;s entries changed after signing, the digital signature and the PDF signature</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="142"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="145"/>
        <source>关闭(&amp;X)</source>
        <translation>Clos&amp;e</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="147"/>
        <source>关闭审计窗口</source>
        <translation>Close the audit window</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="174"/>
        <source>检查记录</source>
        <translation>Inspection records</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="175"/>
        <source>已签署的每日健康汇总和通风消毒记录</source>
        <translation>Signed daily health summaries and ventilation and disinfection logs</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="177"/>
        <source>签署的台账日</source>
        <translation>Signed register days</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="271"/>
        <source>记录 #{id} 的审计记录：正在读取……</source>
        <translation>Audit trail of record #{id}: reading…</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="280"/>
        <source>记录 #{id} 的审计记录（{count} 条）</source>
        <translation>Audit trail of record #{id} ({count} entries)</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="288"/>
        <source>无法读取审计数据。</source>
        <translation>The audit data cannot be read.</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="288"/>
        <location filename="../../desktop/audit/view.py" line="346"/>
        <source>没有修改任何数据。</source>
        <translation>No data was changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="339"/>
        <source>通过</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="339"/>
        <source>不通过</source>
        <translation>FAIL</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="363"/>
        <source>记录 #{id} 验证通过：内容与签署（完成）时一致。</source>
        <translation>Record #{id} verified: unchanged since it was signed (completed).</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="365"/>
        <source>记录 #{id} 验证失败：见下面标为“不通过”的各行。</source>
        <translation>Record #{id} failed verification: see the lines marked FAIL below.</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="391"/>
        <source>{register} {day} 验证通过：签署后未被改动，签名有效。</source>
        <translation>{register} {day} verified: unchanged since signing, signatures valid.</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="393"/>
        <source>{register} {day} 验证失败：见下面标为“不通过”的各行。</source>
        <translation>{register} {day} failed verification: see the lines marked FAIL below.</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="401"/>
        <source>签署日未能验证。</source>
        <translation>The signed day could not be verified.</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="402"/>
        <source>正在验证签署日……</source>
        <translation>Verifying the signed day…</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="459"/>
        <source>选择信任文件</source>
        <translation>Choose a trust file</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="459"/>
        <source>信任文件 (*.pem *.crt *.cer);;所有文件 (*)</source>
        <translation>Trust files (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="468"/>
        <source>信任文件：{name}</source>
        <translation>Trust file: {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="488"/>
        <source>{name}：验证失败，见下面标为“不通过”的各行。</source>
        <translation>{name}: verification failed; see the lines marked FAIL below.</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="373"/>
        <source>记录未能验证。</source>
        <translation>The record could not be verified.</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="374"/>
        <source>正在验证记录……</source>
        <translation>Verifying the record…</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="418"/>
        <source>审计链完好：共 {count} 条记录，逐条核对无误。</source>
        <translation>The audit chain is intact: {count} entries, each checked.</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="430"/>
        <source>审计链在第 {seq} 条处断开：该条或其后的记录在写入后被改动或删除。</source>
        <translation>The audit chain breaks at entry {seq}: it or a later entry was changed or removed after it was written.</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="439"/>
        <source>审计链未能检查。</source>
        <translation>The audit chain could not be checked.</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="441"/>
        <source>正在检查审计链……</source>
        <translation>Checking the audit chain…</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="444"/>
        <source>记录 #{id}</source>
        <translation>record #{id}</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="445"/>
        <source>第 {seq} 条：{time}，{actor}，{action} {table} {record}：{change}</source>
        <translation>Entry {seq}: {time}, {actor}, {action} {table} {record}: {change}</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="473"/>
        <source>选择要验证的报告</source>
        <translation>Choose the report to verify</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="473"/>
        <source>报告 (*.pdf *.xlsx);;所有文件 (*)</source>
        <translation>Reports (*.pdf *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="486"/>
        <source>{name}：签名有效，内容与数据库中的记录一致。</source>
        <translation>{name}: the signatures are valid and the content matches the record in the database.</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="496"/>
        <source>文件未能验证。</source>
        <translation>The file could not be verified.</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/view.py" line="497"/>
        <source>正在验证文件……</source>
        <translation>Verifying the file…</translation>
    </message>
</context>
<context>
    <name>CanteenPage</name>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="78"/>
        <source>场所(&amp;P)：</source>
        <translation>Site (&amp;P):</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="80"/>
        <source>保存设置(&amp;S)</source>
        <translation>&amp;Save settings</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="82"/>
        <source>打印门口张贴单(&amp;T)…</source>
        <translation>Door shee&amp;t…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="89"/>
        <source>部门或班次</source>
        <translation>Department or shift</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="89"/>
        <location filename="../../desktop/registers/canteen.py" line="154"/>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="99"/>
        <source>添加部门(&amp;A)</source>
        <translation>&amp;Add department</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="101"/>
        <source>删除所选</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="103"/>
        <source>按花名册填入(&amp;R)</source>
        <translation>Fill from the &amp;roster</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="105"/>
        <source>用花名册中在岗人员按部门的人数替换上表</source>
        <translation>Replace the list with the roster&apos;s on-site headcount per department</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="123"/>
        <location filename="../../desktop/registers/canteen.py" line="127"/>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="135"/>
        <source>餐桌数(&amp;N)：</source>
        <translation>Tables (&amp;N):</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="136"/>
        <source>每桌座位(&amp;E)：</source>
        <translation>S&amp;eats per table:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="137"/>
        <source>就座方式(&amp;W)：</source>
        <translation>Seating (&amp;W):</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="139"/>
        <source>每场用餐(&amp;M)：</source>
        <translation>&amp;Meal length:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="140"/>
        <source>场间清洁消毒(&amp;C)：</source>
        <translation>&amp;Cleaning between sittings:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="146"/>
        <source>供餐时段(&amp;O)：</source>
        <translation>Serving wind&amp;ow:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="149"/>
        <source>来源只要求错峰就餐、不面对面就坐；座位、时长均为本食堂的设置。</source>
        <translation>The sources require staggered meals and no face-to-face seating; seats and times are this canteen&apos;s settings.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="154"/>
        <source>场次</source>
        <translation>Sitting</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="154"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="154"/>
        <source>部门</source>
        <translation>Departments</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="176"/>
        <source>就餐人员与食堂</source>
        <translation>Diners and canteen</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="181"/>
        <source>逐条说明：</source>
        <translation>Explained line by line:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="183"/>
        <source>错峰就餐安排</source>
        <translation>Staggered sittings</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="234"/>
        <source>本单位食堂（未指定场所）</source>
        <translation>The company&apos;s canteen (no site chosen)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="258"/>
        <source>已载入保存的设置</source>
        <translation>Saved settings loaded</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="258"/>
        <source>尚未保存设置</source>
        <translation>No settings saved yet</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="263"/>
        <source>无法读取食堂设置。</source>
        <translation>The canteen settings could not be read.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="263"/>
        <source>没有修改任何数据。</source>
        <translation>Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="283"/>
        <source>设置已保存</source>
        <translation>Settings saved</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="290"/>
        <source>食堂设置未保存。</source>
        <translation>The canteen settings were not saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="290"/>
        <source>已填写的内容仍在页面上，改正后再保存。</source>
        <translation>What you entered is still on the page; correct it and save again.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="303"/>
        <source>未填部门</source>
        <translation>No department</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="376"/>
        <source>来源要求</source>
        <translation>Required by the sources</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="376"/>
        <source>良好做法（设置项）</source>
        <translation>Good practice (a setting)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="384"/>
        <source>还没有部门或班次：点“按花名册填入”或“添加部门”，即可排出错峰就餐时间表。</source>
        <translation>No department or shift yet: use Fill from the roster or Add department, and the staggered timetable is planned.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="389"/>
        <source>无法安排：%1。</source>
        <translation>Cannot plan: %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="409"/>
        <source>第 %1 场</source>
        <translation>Sitting %1</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="419"/>
        <source>共 %1 场，每场 %2 人，在供餐时段内。</source>
        <translation>%1 sittings of %2 people, inside the serving window.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="426"/>
        <source>供餐时段短了 %1 分钟：共需 %2 场。</source>
        <translation>The serving window is %1 minutes too short: %2 sittings are needed.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="436"/>
        <source>保存食堂门口张贴单</source>
        <translation>Save the canteen door sheet</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="436"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="452"/>
        <source>已保存张贴单：%1</source>
        <translation>Door sheet saved: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="453"/>
        <source>张贴单未保存。</source>
        <translation>The door sheet was not saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="453"/>
        <source>没有写出文件。</source>
        <translation>No file was written.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/canteen.py" line="454"/>
        <source>正在生成张贴单……</source>
        <translation>Making the door sheet…</translation>
    </message>
</context>
<context>
    <name>CompanyDialog</name>
    <message>
        <location filename="../../desktop/accounts/company.py" line="75"/>
        <source>企业信息</source>
        <translation>Company details</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/company.py" line="89"/>
        <source>例如：北京市大兴区示例路 1 号</source>
        <translation>e.g. 1 Shili Road, Daxing District, Beijing</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/company.py" line="98"/>
        <source>选择或输入，例如：大兴区</source>
        <translation>choose or type, e.g. Daxing District</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/company.py" line="108"/>
        <source> 人</source>
        <translation> people</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/company.py" line="111"/>
        <source>姓名和电话</source>
        <translation>name and telephone</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/company.py" line="112"/>
        <source>所在区和企业类型决定报告上的监管部门（属地管理）。</source>
        <translation>The district and the company type decide the inspecting authority on the report (local management).</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/company.py" line="117"/>
        <source>企业名称(&amp;C)：</source>
        <translation>&amp;Company name:</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/company.py" line="118"/>
        <source>统一社会信用代码：</source>
        <translation>Unified social credit code:</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/company.py" line="119"/>
        <source>地址(&amp;R)：</source>
        <translation>Add&amp;ress:</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/company.py" line="120"/>
        <source>所在区(&amp;Q)：</source>
        <translation>District (&amp;Q):</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/company.py" line="121"/>
        <source>企业类型(&amp;T)：</source>
        <translation>Company &amp;type:</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/company.py" line="123"/>
        <source>职工人数(&amp;H)：</source>
        <translation>&amp;Headcount:</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/company.py" line="124"/>
        <source>联系人(&amp;K)：</source>
        <translation>Contact (&amp;K):</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/company.py" line="126"/>
        <source>场所（新建检查时选择）</source>
        <translation>Sites (chosen when an inspection starts)</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/company.py" line="133"/>
        <source>例如：员工宿舍楼、二号厂区</source>
        <translation>e.g. staff dormitory, plant 2</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/company.py" line="134"/>
        <source>添加场所(&amp;A)</source>
        <translation>&amp;Add site</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/company.py" line="137"/>
        <source>重命名场所(&amp;N)…</source>
        <translation>Re&amp;name site…</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/company.py" line="142"/>
        <source>删除场所(&amp;D)</source>
        <translation>&amp;Delete site</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/company.py" line="147"/>
        <source>删除误加的场所；已有检查记录的场所不能删除</source>
        <translation>Delete a site added by mistake; a site that a record names cannot be deleted</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/company.py" line="168"/>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/company.py" line="170"/>
        <location filename="../../desktop/accounts/company.py" line="259"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/company.py" line="216"/>
        <source>{what}{reason}</source>
        <translation>{what} {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/company.py" line="218"/>
        <source>对话框中填写的内容仍保留。</source>
        <translation>What you typed in the dialog is kept.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/company.py" line="226"/>
        <source>请填写场所名称。</source>
        <translation>Please enter the site&apos;s name.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/company.py" line="233"/>
        <source>场所未能添加：</source>
        <translation>The site could not be added:</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/company.py" line="255"/>
        <source>重命名场所</source>
        <translation>Rename site</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/company.py" line="256"/>
        <source>“{name}”的新名称：</source>
        <translation>New name for “{name}”:</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/company.py" line="258"/>
        <source>重命名</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/company.py" line="279"/>
        <source>场所未能删除：</source>
        <translation>The site was not deleted: </translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/company.py" line="284"/>
        <source>已删除场所“{name}”。</source>
        <translation>Site “{name}” deleted.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/company.py" line="300"/>
        <source>场所未能改名：</source>
        <translation>The site could not be renamed:</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/company.py" line="308"/>
        <source>请填写企业名称。</source>
        <translation>Please enter the company name.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/company.py" line="315"/>
        <source>企业信息未能保存：</source>
        <translation>The company details could not be saved:</translation>
    </message>
</context>
<context>
    <name>CompanyType</name>
    <message>
        <location filename="../../desktop/accounts/first_run.py" line="39"/>
        <source>工业企业</source>
        <translation>Industrial enterprise</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/first_run.py" line="40"/>
        <source>建设工程参建单位</source>
        <translation>Construction project participant</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/first_run.py" line="41"/>
        <source>商务楼宇（办公楼、写字楼）</source>
        <translation>Commercial building (offices)</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/first_run.py" line="42"/>
        <source>商场（含超市）</source>
        <translation>Shopping mall (incl. supermarket)</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/first_run.py" line="43"/>
        <source>餐馆（含内部食堂）</source>
        <translation>Restaurant (incl. staff canteen)</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/first_run.py" line="44"/>
        <source>酒店、宾馆（住宿）</source>
        <translation>Hotel or guesthouse (accommodation)</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/first_run.py" line="45"/>
        <source>其他市场主体</source>
        <translation>Other market entity</translation>
    </message>
</context>
<context>
    <name>Consent</name>
    <message>
        <location filename="../../desktop/registers/consent.py" line="47"/>
        <source>仅用于本次疫情防控</source>
        <translation>Epidemic control only</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/consent.py" line="56"/>
        <source>未同意</source>
        <translation>No consent</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/consent.py" line="58"/>
        <source>已同意（%1 版）</source>
        <translation>Agreed (version %1)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/consent.py" line="60"/>
        <source>%1 版，需重新同意现行 %2 版</source>
        <translation>Version %1: to agree again to version %2 in force</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/consent.py" line="73"/>
        <source>本程序没有 %1 版告知书的文本（单位自行制作的告知书），只登记其版本号。</source>
        <translation>This program does not hold the text of notice version %1 (a notice the company made itself); only its version is recorded.</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <location filename="../../desktop/registers/consent.py" line="154"/>
        <source>个人信息收集同意：%1</source>
        <translation>Consent to collecting personal information: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/consent.py" line="185"/>
        <source>先向本人出示告知书，本人同意后再登记；同一版本再次登记即更正其日期。每次登记和更正都记入审计记录。</source>
        <translation>Show the person the notice first and record their consent once they agree; recording the same version again corrects its date. Every record and correction goes into the audit trail.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/consent.py" line="191"/>
        <source>同意日期(&amp;D)：</source>
        <translation>Consent &amp;date:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/consent.py" line="192"/>
        <source>告知书版本(&amp;V)：</source>
        <translation>Notice &amp;version:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/consent.py" line="193"/>
        <source>用途：</source>
        <translation>Purpose:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/consent.py" line="194"/>
        <source>登记同意</source>
        <translation>Record consent</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/consent.py" line="205"/>
        <source>登记同意(&amp;R)</source>
        <translation>&amp;Record consent</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/consent.py" line="229"/>
        <source>正在读取……</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/consent.py" line="237"/>
        <source>已登记 %1 条同意记录，最近一次：%2，%3 版。</source>
        <translation>%1 consent record(s); the latest: %2, version %3.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/consent.py" line="243"/>
        <source>尚未登记同意：请出示告知书，本人同意后登记。</source>
        <translation>No consent recorded yet: show the notice, and record it once the person agrees.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/consent.py" line="265"/>
        <source>正在保存……</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/consent.py" line="277"/>
        <source>未能登记。</source>
        <translation>Not recorded.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/consent.py" line="277"/>
        <source>没有修改任何数据。</source>
        <translation>Nothing was changed.</translation>
    </message>
</context>
<context>
    <name>ConsentModel</name>
    <message>
        <location filename="../../desktop/registers/consent.py" line="93"/>
        <source>同意日期</source>
        <translation>Consent date</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/consent.py" line="94"/>
        <source>告知书版本</source>
        <translation>Notice version</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/consent.py" line="95"/>
        <source>用途</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/consent.py" line="96"/>
        <source>登记人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/consent.py" line="97"/>
        <source>登记时间</source>
        <translation>Recorded at</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../../desktop/signing/dialog.py" line="187"/>
        <source>新版本（更正）</source>
        <translation>New version (correction)</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/dialog.py" line="195"/>
        <source>已签署的记录不能再修改。更正会新建一份草稿，复制原记录的全部内容并注明取代原记录；原记录及其签名保持不变，仍可验证。</source>
        <translation>A signed record cannot be changed. A correction is a new draft with a copy of everything in the original, marked as superseding it; the original and its signatures stay as they are and can still be verified.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/dialog.py" line="203"/>
        <source>例如：BJHQ-3 宿舍面积测量有误，重新测量</source>
        <translation>e.g. BJHQ-3 dormitory area was measured wrongly; measured again</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/dialog.py" line="208"/>
        <source>创建新版本</source>
        <translation>Create new version</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/dialog.py" line="215"/>
        <source>更正原因(&amp;R)：</source>
        <translation>&amp;Reason for the correction:</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/dialog.py" line="234"/>
        <source>请说明为什么需要更正。</source>
        <translation>Please say why a correction is needed.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/dialog.py" line="241"/>
        <source>正在创建新版本……</source>
        <translation>Creating the new version…</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/dialog.py" line="250"/>
        <source>未能创建新版本。</source>
        <translation>The new version was not created.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/dialog.py" line="250"/>
        <source>原记录没有改变。</source>
        <translation>The original record was not changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/dialog.py" line="252"/>
        <source>未能创建新版本：</source>
        <translation>The new version was not created: </translation>
    </message>
</context>
<context>
    <name>CorrectiveActionDialog</name>
    <message>
        <location filename="../../desktop/editor/action_dialog.py" line="40"/>
        <source>新建整改措施</source>
        <translation>New corrective action</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/action_dialog.py" line="40"/>
        <source>修改整改措施</source>
        <translation>Edit corrective action</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/action_dialog.py" line="46"/>
        <source>例如：调整宿舍分配，每间不超过 4 人</source>
        <translation>e.g. reassign dormitory beds, at most 4 people per room</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/action_dialog.py" line="64"/>
        <source>整改措施(&amp;A)：</source>
        <translation>&amp;Action:</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/action_dialog.py" line="65"/>
        <source>责任人(&amp;O)：</source>
        <translation>&amp;Owner:</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/action_dialog.py" line="66"/>
        <source>完成期限(&amp;D)：</source>
        <translation>&amp;Due date:</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/action_dialog.py" line="105"/>
        <source>请填写整改措施。</source>
        <translation>Describe the corrective action.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/action_dialog.py" line="109"/>
        <source>请填写责任人。</source>
        <translation>Name the owner.</translation>
    </message>
</context>
<context>
    <name>CorrectiveActions</name>
    <message>
        <location filename="../../desktop/editor/actions.py" line="64"/>
        <source>待整改</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/actions.py" line="65"/>
        <source>已整改</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/actions.py" line="66"/>
        <source>已验证</source>
        <translation>Verified</translation>
    </message>
</context>
<context>
    <name>CorrectiveActionsModel</name>
    <message>
        <location filename="../../desktop/editor/actions.py" line="128"/>
        <source>检查项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/actions.py" line="128"/>
        <source>整改措施</source>
        <translation>Corrective action</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/actions.py" line="128"/>
        <source>责任人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/actions.py" line="128"/>
        <source>期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/actions.py" line="128"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/actions.py" line="150"/>
        <source>{status}（检查记录中）</source>
        <translation>{status} (in the record)</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/actions.py" line="153"/>
        <source>{on}  {status} — {by}</source>
        <translation>{on}  {status} — {by}</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/actions.py" line="154"/>
        <source>{line}：{note}</source>
        <translation>{line}: {note}</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/actions.py" line="219"/>
        <source>{status}（已逾期）</source>
        <translation>{status} (overdue)</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/actions.py" line="224"/>
        <source>已过完成期限，仍未整改。</source>
        <translation>Past its due date and still not corrected.</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <location filename="../../desktop/common/dates.py" line="44"/>
        <source>%1（UTC+8；%2 UTC）</source>
        <translation>%1 (UTC+8; %2 UTC)</translation>
    </message>
</context>
<context>
    <name>Discard</name>
    <message>
        <location filename="../../desktop/common/discard.py" line="49"/>
        <source>已填写的内容还没有保存。要放弃这些内容并关闭吗？</source>
        <translation>What you entered has not been saved. Discard it and close?</translation>
    </message>
    <message>
        <location filename="../../desktop/common/discard.py" line="51"/>
        <source>放弃填写(&amp;D)</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <location filename="../../desktop/common/discard.py" line="53"/>
        <source>继续填写(&amp;K)</source>
        <translation>&amp;Keep editing</translation>
    </message>
</context>
<context>
    <name>DisinfectionPage</name>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="168"/>
        <source>日期(&amp;D)：</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="170"/>
        <source>签署当日记录(&amp;G)…</source>
        <translation>Si&amp;gn off the day…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="172"/>
        <source>导出 PDF(&amp;P)…</source>
        <translation>Export &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="191"/>
        <source>如 500</source>
        <translation>e.g. 500</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="194"/>
        <source>如 30</source>
        <translation>e.g. 30</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="197"/>
        <source>通勤车辆内表面</source>
        <translation>Inside a commuter vehicle</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="199"/>
        <source>口罩回收箱已清理</source>
        <translation>Mask bins emptied</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="201"/>
        <source>垃圾已清运</source>
        <translation>Waste removed</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="207"/>
        <source>所更正记录的编号（可不填）</source>
        <translation>number of the entry corrected (optional)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="210"/>
        <source>添加记录(&amp;A)</source>
        <translation>&amp;Add entry</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="214"/>
        <source>地点(&amp;L)：</source>
        <translation>P&amp;lace:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="215"/>
        <source>时间(&amp;T)：</source>
        <translation>&amp;Time:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="216"/>
        <source>方式(&amp;M)：</source>
        <translation>&amp;Method:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="217"/>
        <source>有效氯 mg/L：</source>
        <translation>Available chlorine mg/L:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="218"/>
        <source>作用时间（分钟）：</source>
        <translation>Contact time (min):</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="219"/>
        <source>通风/照射（分钟）：</source>
        <translation>Ventilation / UV (min):</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="225"/>
        <source>执行人(&amp;B)：</source>
        <translation>Done &amp;by:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="226"/>
        <source>更正(&amp;C)：</source>
        <translation>&amp;Corrects:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="227"/>
        <source>备注：</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="230"/>
        <source>新记录</source>
        <translation>New entry</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="236"/>
        <source>如 一号车间</source>
        <translation>e.g. Workshop 1</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="237"/>
        <source>计划地点(&amp;N)：</source>
        <translation>Planned place (&amp;N):</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="247"/>
        <source> 次/日</source>
        <translation> a day</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="249"/>
        <source>计划自哪天起执行：此前的日期不计缺漏</source>
        <translation>The day the plan starts: no gap is counted before it</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="250"/>
        <source>计划自(&amp;S)：</source>
        <translation>&amp;Starting:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="252"/>
        <source>设定计划</source>
        <translation>Set plan</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="256"/>
        <source>删除所选计划</source>
        <translation>Remove selected plan</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="270"/>
        <source>计划（每个地点每日次数）</source>
        <translation>Plan (times a day per place)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="320"/>
        <source>无法读取通风消毒记录。</source>
        <translation>Could not read the ventilation and disinfection log.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="356"/>
        <source>，自 %1 起</source>
        <translation>, from %1</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="366"/>
        <source>已由 %1 于 %2（UTC+8；%3 UTC）签署；当日记录已锁定，更正请在之后的日期新增一条记录并注明所更正的编号。</source>
        <translation>Signed off by %1 at %2 (UTC+8; %3 UTC); the day is locked. To correct it, add an entry on a later day naming the number of the entry it corrects.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="424"/>
        <source>“%1” %2 的记录：</source>
        <translation>The entry “%1” at %2: </translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="528"/>
        <source>没有修改任何数据。</source>
        <translation>Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="331"/>
        <source>%1 %2：%3/%4 次，缺 %5 次</source>
        <translation>%1 %2: %3 of %4, %5 short</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="340"/>
        <source>未按计划完成：%1 处</source>
        <translation>Short of the plan: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="342"/>
        <source>各地点均按计划完成。</source>
        <translation>Every place met its plan.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="345"/>
        <source>尚未设定计划：设定每个地点每日的通风、消毒次数后，这里列出缺漏。</source>
        <translation>No plan yet: set how often each place is ventilated or disinfected a day, and the gaps are listed here.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="350"/>
        <source>%1 %2 每日 %3 次</source>
        <translation>%1 %2 %3 times a day</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="373"/>
        <source>当日记录 %1 条，尚未签署。</source>
        <translation>%1 entries this day, not signed off.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="419"/>
        <source>“更正”须填写所更正记录的编号（数字）；未保存任何数据。</source>
        <translation>“Corrects” takes the number of the entry corrected; nothing was saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="458"/>
        <source>计划未能保存。</source>
        <translation>The plan was not saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="476"/>
        <source>原有计划不变。</source>
        <translation>The plans are as they were.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="472"/>
        <source>计划未能删除。</source>
        <translation>The plan was not removed.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="494"/>
        <source>通风消毒记录 %1</source>
        <translation>Ventilation and disinfection log %1</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="496"/>
        <source>签署通风消毒记录</source>
        <translation>Sign off the ventilation and disinfection log</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="499"/>
        <source>本人作为负责人签署，确认当日通风、消毒及垃圾清运记录真实、完整。签署后当日记录即被锁定；更正须另行新增记录，之后的任何改动都会被验证发现。</source>
        <translation>I sign as the person in charge and confirm that the day&apos;s ventilation, disinfection and waste records are true and complete. Signing locks the day; a correction is a new entry, and any later change is found by verification.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="515"/>
        <source>导出通风消毒记录 PDF</source>
        <translation>Export the ventilation and disinfection log as PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="517"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="528"/>
        <source>通风消毒记录未能导出。</source>
        <translation>The ventilation and disinfection log was not exported.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="529"/>
        <source>正在导出通风消毒记录……</source>
        <translation>Exporting the ventilation and disinfection log…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="533"/>
        <source>已导出：%1</source>
        <translation>Exported: %1</translation>
    </message>
</context>
<context>
    <name>DormitoriesPage</name>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="126"/>
        <source>宿舍楼(&amp;B)：</source>
        <translation>&amp;Building:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="128"/>
        <source>新建宿舍楼…</source>
        <translation>New building…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="141"/>
        <source>与花名册“宿舍”一栏相同，如 A101</source>
        <translation>As in the roster&apos;s dormitory column, e.g. A101</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="150"/>
        <source>有窗</source>
        <translation>Window</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="153"/>
        <source>上下床</source>
        <translation>Bunk beds</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="161"/>
        <source>新房间(&amp;N)</source>
        <translation>&amp;New room</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="163"/>
        <source>保存房间(&amp;S)</source>
        <translation>&amp;Save room</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="167"/>
        <source>房间(&amp;R)：</source>
        <translation>&amp;Room:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="168"/>
        <source>使用面积 m²(&amp;A)：</source>
        <translation>Floor &amp;area m²:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="169"/>
        <source>床位(&amp;D)：</source>
        <translation>Be&amp;ds:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="170"/>
        <source>位置(&amp;L)：</source>
        <translation>&amp;Location:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="176"/>
        <source>全国：</source>
        <translation>National:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="177"/>
        <source>北京：</source>
        <translation>Beijing:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="182"/>
        <source>房间</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="193"/>
        <source>按姓名或部门查找</source>
        <translation>Find by name or department</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="196"/>
        <source>安排入住所选房间(&amp;I)</source>
        <translation>Assign to the selected room (&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="201"/>
        <source>入住人员（来自花名册）</source>
        <translation>Occupants (from the roster)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="265"/>
        <source>%1 间房，%2 人入住，%3 间不合格</source>
        <translation>%1 rooms, %2 occupants, %3 rooms failing</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="279"/>
        <source>无法读取宿舍登记。</source>
        <translation>The dormitory register could not be read.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="279"/>
        <source>没有修改任何数据。</source>
        <translation>Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="319"/>
        <source>%1 住：</source>
        <translation>Living in %1: </translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="322"/>
        <source>无</source>
        <translation>nobody</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="347"/>
        <source>待填写</source>
        <translation>to be filled in</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="379"/>
        <source>请先新建宿舍楼。</source>
        <translation>Add a building first.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="395"/>
        <source>房间 %1 已保存。</source>
        <translation>Room %1 saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="415"/>
        <source>新建宿舍楼</source>
        <translation>New building</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="415"/>
        <source>宿舍楼名称：</source>
        <translation>Building name:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="449"/>
        <source>未安排</source>
        <translation>no room</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="458"/>
        <source>请先选择房间和人员。</source>
        <translation>Choose a room and a person first.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="475"/>
        <source>安排入住</source>
        <translation>Assign a room</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="475"/>
        <source>此房间不宜再安排入住：</source>
        <translation>This room should take nobody more:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="478"/>
        <source>仍要安排吗？</source>
        <translation>Assign anyway?</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="482"/>
        <source>仍要安排</source>
        <translation>Assign anyway</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="483"/>
        <source>不安排</source>
        <translation>Do not assign</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="494"/>
        <source>没有安排，花名册未改变。</source>
        <translation>Not assigned; the roster is unchanged.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="511"/>
        <source>已安排入住 %1，花名册已更新。</source>
        <translation>Assigned to %1; the roster is updated.</translation>
    </message>
</context>
<context>
    <name>EmployeeDialog</name>
    <message>
        <location filename="../../desktop/registers/roster.py" line="499"/>
        <source>添加人员</source>
        <translation>Add a person</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="499"/>
        <source>人员：%1</source>
        <translation>Person: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="520"/>
        <source>直接雇用的留空</source>
        <translation>Leave empty if employed directly</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="525"/>
        <source>显示完整(&amp;S)</source>
        <translation>&amp;Show in full</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="527"/>
        <source>仅单位主要负责人可查看完整号码；每次查看都记入审计记录</source>
        <translation>Only the manager may see the full numbers; each time is recorded in the audit trail</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="535"/>
        <source>返岗日期</source>
        <translation>Return date</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="542"/>
        <source>例如：湖北武汉</source>
        <translation>e.g. Wuhan, Hubei</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="546"/>
        <source>姓名(&amp;M)：</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="547"/>
        <source>部门(&amp;D)：</source>
        <translation>&amp;Department:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="548"/>
        <source>岗位(&amp;P)：</source>
        <translation>&amp;Post:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="549"/>
        <source>人员类别(&amp;C)：</source>
        <translation>&amp;Category:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="550"/>
        <source>外包单位(&amp;O)：</source>
        <translation>&amp;Outsourcing company:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="551"/>
        <source>身份证号(&amp;I)：</source>
        <translation>&amp;ID number:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="555"/>
        <source>手机号(&amp;H)：</source>
        <translation>P&amp;hone:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="558"/>
        <source>宿舍房间(&amp;R)：</source>
        <translation>Dormitory &amp;room:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="559"/>
        <source>状态(&amp;U)：</source>
        <translation>Stat&amp;us:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="561"/>
        <source>返回自(&amp;F)：</source>
        <translation>Returned &amp;from:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="585"/>
        <source>%1（不修改请留空）</source>
        <translation>%1 (leave empty to keep)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="585"/>
        <source>未登记</source>
        <translation>not recorded</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="625"/>
        <source>正在读取……</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="634"/>
        <source>已显示（已记入审计）</source>
        <translation>Shown (recorded in the audit trail)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="651"/>
        <source>正在保存……</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="661"/>
        <source>未能保存。</source>
        <translation>Not saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="661"/>
        <source>填写的内容仍保留在对话框中。</source>
        <translation>What you typed is still in the dialog.</translation>
    </message>
</context>
<context>
    <name>EntryModel</name>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="72"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="73"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="74"/>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="75"/>
        <source>方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="76"/>
        <source>浓度与时间</source>
        <translation>Strength and time</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="77"/>
        <source>参考方法</source>
        <translation>Reference method</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="78"/>
        <source>口罩箱/垃圾</source>
        <translation>Mask bins / waste</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="79"/>
        <source>执行人</source>
        <translation>Done by</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="80"/>
        <source>更正</source>
        <translation>Corrects</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="101"/>
        <location filename="../../desktop/registers/disinfection.py" line="104"/>
        <source>%1 分钟</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="109"/>
        <source>符合</source>
        <translation>meets</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="109"/>
        <source>不符合</source>
        <translation>does not meet</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="114"/>
        <source>口罩箱</source>
        <translation>mask bins</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="115"/>
        <source>垃圾</source>
        <translation>waste</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/disinfection.py" line="119"/>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../desktop/common/errors.py" line="42"/>
        <source>复工自查</source>
        <translation>Fugong Self-Check</translation>
    </message>
    <message>
        <location filename="../../desktop/common/errors.py" line="48"/>
        <source>程序内部错误，请把详细信息发给维护人员。</source>
        <translation>An internal error occurred; please send the details to the maintainers.</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="155"/>
        <source>发生了意外错误。</source>
        <translation>An unexpected error occurred.</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="157"/>
        <source>已保存的内容不受影响。详细信息已写入日志文件：%1</source>
        <translation>What was saved is not affected. The details were written to the log file: %1</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../../desktop/reports/export.py" line="295"/>
        <source>报告未能导出。</source>
        <translation>The reports could not be exported.</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/export.py" line="296"/>
        <source>检查记录不受影响；没有留下写了一半的文件。</source>
        <translation>The inspection record is not affected; no half-written file was left behind.</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/export.py" line="304"/>
        <source>正在导出报告……</source>
        <translation>Exporting reports…</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/export.py" line="343"/>
        <source>保存汇总表</source>
        <translation>Save the summary workbook</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/export.py" line="345"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/export.py" line="360"/>
        <source>汇总表未能导出。</source>
        <translation>The summary workbook was not exported.</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/export.py" line="361"/>
        <source>没有修改任何数据；没有留下写了一半的文件。</source>
        <translation>Nothing was changed; no half-written file was left.</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/export.py" line="369"/>
        <source>正在导出 {count} 次检查的汇总表……</source>
        <translation>Exporting the summary workbook of {count} inspections…</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/export.py" line="378"/>
        <source>报告已导出</source>
        <translation>Reports exported</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/export.py" line="379"/>
        <source>报告已保存：</source>
        <translation>Reports saved:</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/export.py" line="380"/>
        <source>打开文件</source>
        <translation>Open file</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/export.py" line="382"/>
        <source>打开所在文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/export.py" line="125"/>
        <source>复工自查_{company}_{date}_第{number}号</source>
        <translation>Self-check_{company}_{date}_No{number}</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/export.py" line="138"/>
        <source>复工自查_第{number}号</source>
        <translation>Self-check_No{number}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop/reports/export.py" line="152"/>
        <source>导出报告</source>
        <translation>Export report</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/export.py" line="156"/>
        <source>浏览(&amp;B)…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/export.py" line="182"/>
        <source>保存到(&amp;F)：</source>
        <translation>Save in &amp;folder:</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/export.py" line="184"/>
        <source>报告语言(&amp;L)：</source>
        <translation>Report &amp;language:</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/export.py" line="191"/>
        <source>导出(&amp;E)</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/export.py" line="195"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/export.py" line="227"/>
        <source>写出 PDF 报告和 Excel 工作簿。</source>
        <translation>Writes the PDF report and the Excel workbook.</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/export.py" line="230"/>
        <source>已签署的记录：写出签署的正本（PDF 与 Excel 工作簿及其 .p7s 签名文件），原样不变。</source>
        <translation>A signed record: the signed originals are written as they are (the PDF, and the Excel workbook with its .p7s signature file).</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/export.py" line="235"/>
        <source>已签署的记录：英文报告是不带签名的译本，封面写明所译的中文正本和记录上的签名；核验请用中文正本。</source>
        <translation>A signed record: the English report is a translation without signatures; its cover names the Chinese original it translates and the signatures on record. Verify the Chinese original.</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/export.py" line="242"/>
        <source>选择保存报告的文件夹</source>
        <translation>Choose the folder for the reports</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/export.py" line="250"/>
        <source>这个文件夹不存在：{folder}。请另选一个文件夹。</source>
        <translation>This folder does not exist: {folder}. Choose another folder.</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <location filename="../../desktop/editor/actions.py" line="254"/>
        <source>更改整改状态</source>
        <translation>Change corrective action status</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/actions.py" line="254"/>
        <source>整改跟进</source>
        <translation>Follow up corrective action</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/actions.py" line="263"/>
        <source>{action}（责任人：{owner}，期限：{due}）</source>
        <translation>{action} (owner: {owner}, due: {due})</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/actions.py" line="268"/>
        <source>当前状态：{status}</source>
        <translation>Current status: {status}</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/actions.py" line="288"/>
        <source>已验证由单位主要负责人在整改完成后记录。</source>
        <translation>Verified is recorded by the head of the organisation once the action is done.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/actions.py" line="290"/>
        <source>跟进记录保存在检查记录之外，已签署的记录和签名不会改变。</source>
        <translation>Follow-ups are kept beside the inspection record: the signed record and its signatures do not change.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/actions.py" line="293"/>
        <source>记录为(&amp;S)：</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/actions.py" line="294"/>
        <source>说明(&amp;N)：</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/actions.py" line="295"/>
        <source>日期(&amp;D)：</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/actions.py" line="299"/>
        <source>记录(&amp;R)</source>
        <translation>&amp;Record</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/actions.py" line="335"/>
        <source>必填：如何验证的，例如到现场查看、查阅体温登记表</source>
        <translation>Required: how it was verified, e.g. checked on site, read the temperature log</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/actions.py" line="337"/>
        <source>例如：已改为上下午各测一次体温</source>
        <translation>e.g. temperature now taken every morning and afternoon</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/actions.py" line="348"/>
        <source>请说明如何验证了整改。</source>
        <translation>Say how the corrective action was verified.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/actions.py" line="356"/>
        <source>整改措施的状态未能更改。</source>
        <translation>The status of the corrective action could not be changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/actions.py" line="357"/>
        <source>对话框中填写的内容仍保留，可修改后再试一次。</source>
        <translation>The dialog keeps what you typed; correct it and try again.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/actions.py" line="360"/>
        <source>整改跟进未能记录。</source>
        <translation>The follow-up could not be recorded.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/actions.py" line="361"/>
        <source>检查记录没有改变；对话框中填写的内容仍保留，可修改后再试一次。</source>
        <translation>The inspection record was not changed; the dialog keeps what you typed, correct it and try again.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/actions.py" line="363"/>
        <source>程序内部错误，详见错误信息。</source>
        <translation>Internal error: see the message for details.</translation>
    </message>
</context>
<context>
    <name>InspectionTableModel</name>
    <message>
        <location filename="../../desktop/inspections/model.py" line="109"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections/model.py" line="110"/>
        <source>企业 / 场所</source>
        <translation>Company / site</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections/model.py" line="111"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections/model.py" line="112"/>
        <source>检查人</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections/model.py" line="113"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections/model.py" line="114"/>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections/model.py" line="115"/>
        <source>不合格</source>
        <translation>Fail</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections/model.py" line="116"/>
        <source>未查</source>
        <translation>Unchecked</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections/model.py" line="117"/>
        <source>未完成整改</source>
        <translation>Open actions</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections/model.py" line="150"/>
        <source>合格 {passed}，不合格 {failed}，不适用 {na}，未查 {unchecked}</source>
        <translation>{passed} pass, {failed} fail, {na} N/A, {unchecked} unchecked</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections/model.py" line="167"/>
        <source>{stage}（已被 #{id} 取代）</source>
        <translation>{stage} (superseded by #{id})</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections/model.py" line="180"/>
        <source>状态：{status}；签署：{stage}</source>
        <translation>Status: {status}; sign-off: {stage}</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections/model.py" line="185"/>
        <source>本记录更正并取代记录 #{id}。</source>
        <translation>This record corrects and supersedes record #{id}.</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections/model.py" line="187"/>
        <source>本记录已被更正记录 #{id} 取代。</source>
        <translation>This record is superseded by correction #{id}.</translation>
    </message>
</context>
<context>
    <name>InspectionView</name>
    <message>
        <location filename="../../desktop/editor/view.py" line="46"/>
        <source>检查项</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/view.py" line="47"/>
        <source>汇总</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/view.py" line="146"/>
        <source>这次检查刚被其他人保存过，您最近的修改没有保存。</source>
        <translation>Someone else has just saved this inspection; your latest change was not saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/view.py" line="148"/>
        <source>窗口已重新载入对方保存的内容。上面列出了没有保存的内容，请核对后重新填写。</source>
        <translation>The window now shows what they saved. What was not saved is listed above; please check it and enter it again.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/view.py" line="157"/>
        <source>您的账户无权修改这次检查，刚才的填写没有保存。</source>
        <translation>Your account may not change this inspection: what you just entered was not saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/view.py" line="159"/>
        <source>填写的内容仍显示在窗口中，但没有保存到数据库。请用有修改权限的账户登录后再填写。</source>
        <translation>What you entered is still shown in the window but was not saved to the database. Log in with an account that may make changes and enter it again.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/view.py" line="165"/>
        <source>刚才的填写暂时没能保存到数据库。</source>
        <translation>Your last entry could not be saved to the database yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/view.py" line="167"/>
        <source>填写的内容仍保留在窗口中，程序会在您下次修改、切换检查项或关闭窗口时再次保存。</source>
        <translation>What you entered is kept in the window and will be saved again on your next change, when you switch items or close the window.</translation>
    </message>
</context>
<context>
    <name>InspectionsPage</name>
    <message>
        <location filename="../../desktop/inspections/view.py" line="53"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections/view.py" line="56"/>
        <source>日期从(&amp;D)</source>
        <translation>&amp;Dates from</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections/view.py" line="66"/>
        <source>搜索企业、场所、检查人、编号</source>
        <translation>Search company, site, inspector, number</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections/view.py" line="73"/>
        <source>场所(&amp;S)：</source>
        <translation>&amp;Site:</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections/view.py" line="80"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections/view.py" line="103"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections/view.py" line="152"/>
        <source>全部场所</source>
        <translation>All sites</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections/view.py" line="205"/>
        <source>还没有检查记录。点“新建检查”开始第一次检查。</source>
        <translation>No inspections yet. Press “New inspection” to start the first one.</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections/view.py" line="208"/>
        <source>共 {total} 次检查，显示 {shown} 次</source>
        <translation>Inspections: {total}, shown: {shown}</translation>
    </message>
</context>
<context>
    <name>IsolationPage</name>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="102"/>
        <source>日期(&amp;D)：</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="107"/>
        <source>操作时间(&amp;T)：</source>
        <translation>&amp;Time of action:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="122"/>
        <source> 人</source>
        <translation> people</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="125"/>
        <source>保存区域</source>
        <translation>Save area</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="128"/>
        <source>区域(&amp;A)：</source>
        <translation>&amp;Area:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="129"/>
        <source>地点：</source>
        <translation>Place:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="130"/>
        <source>容量：</source>
        <translation>Capacity:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="131"/>
        <source>配备物品：</source>
        <translation>Kept there:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="133"/>
        <source>隔离观察区域（GN 四（十四））</source>
        <translation>Isolation area (GN 4 (14))</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="139"/>
        <source>记录隔离(&amp;I)</source>
        <translation>Record &amp;isolation</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="144"/>
        <source>当日发热或有症状、尚未记录隔离的人员</source>
        <translation>Fever or symptoms this day, isolation not yet recorded</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="156"/>
        <source>如 区医院发热门诊</source>
        <translation>e.g. the district hospital&apos;s fever clinic</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="157"/>
        <source>记录报告疾控及就医去向</source>
        <translation>Record CDC report and referral</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="161"/>
        <source>工作岗位、宿舍、办公单元……</source>
        <translation>post, dormitory, work unit…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="162"/>
        <source>封闭场所</source>
        <translation>Close off place</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="172"/>
        <source>记录消毒（含氯）</source>
        <translation>Record disinfection (chlorine)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="175"/>
        <source>就医去向：</source>
        <translation>Referred to:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="179"/>
        <source>封闭：</source>
        <translation>Close off:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="183"/>
        <source>有效氯 mg/L：</source>
        <translation>Available chlorine mg/L:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="185"/>
        <source>作用分钟：</source>
        <translation>Contact min:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="187"/>
        <source>执行人：</source>
        <translation>Done by:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="196"/>
        <source>所选记录：报告、就医、封闭与消毒（GN 四（十四）（十五））</source>
        <translation>Selected record: report, referral, closing off and disinfection (GN 4 (14) (15))</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="248"/>
        <source>无法读取隔离观察区登记。</source>
        <translation>Could not read the isolation register.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="258"/>
        <source>%1（%2/%3 人）</source>
        <translation>%1 (%2/%3 people)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="264"/>
        <source>（新增区域）</source>
        <translation>(new area)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="269"/>
        <source>上午</source>
        <translation>morning</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="269"/>
        <source>下午</source>
        <translation>afternoon</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="310"/>
        <source>选择一条隔离记录，记录报告疾控、就医去向、封闭场所及其消毒。</source>
        <translation>Choose an isolation record to record the CDC report, the referral, the places closed off and their disinfection.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="315"/>
        <source>%1 消毒</source>
        <translation>disinfected %1</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="317"/>
        <source>未消毒</source>
        <translation>not disinfected</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="322"/>
        <source>待办：%1</source>
        <translation>Still to do: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="324"/>
        <source>各项处置均已记录。</source>
        <translation>Every step is recorded.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="372"/>
        <source>区域已保存。</source>
        <translation>Area saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="395"/>
        <source>已记录隔离：%1。请报告疾控并记录就医去向。</source>
        <translation>Isolation recorded: %1. Report to the CDC and record the referral.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="391"/>
        <source>注意：该区域已超出容量，请另设临时隔离场所。</source>
        <translation> Note: the area is over its capacity; set up another temporary isolation place.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="409"/>
        <source>已记录报告疾控及就医去向。</source>
        <translation>CDC report and referral recorded.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="423"/>
        <source>已记录封闭：%1。</source>
        <translation>Closed off: %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="434"/>
        <source>请先在列表中选择已封闭的场所。</source>
        <translation>Choose a closed-off place in the list first.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="444"/>
        <source>隔离记录 #%1 封闭后消毒</source>
        <translation>disinfection after isolation record #%1</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="449"/>
        <source>已记录消毒：%1（已写入通风消毒记录）。</source>
        <translation>Disinfection recorded: %1 (added to the ventilation and disinfection log).</translation>
    </message>
</context>
<context>
    <name>ItemPage</name>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="152"/>
        <source>查看原文(&amp;O)…</source>
        <translation>View &amp;official text…</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="154"/>
        <source>打开官方原文，定位到本项引用的条款</source>
        <translation>Open the official document at the clause this item cites</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="162"/>
        <source>要求</source>
        <translation>Requirement</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="168"/>
        <source>现场检查方法</source>
        <translation>On-site guidance</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="174"/>
        <source>建议做法（超出条文要求，不作判定依据）</source>
        <translation>Good practice (beyond what the clause requires; not a ground for the result)</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="182"/>
        <source>测量值</source>
        <translation>Measured values</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="187"/>
        <source>宿舍表</source>
        <translation>Dormitory rooms</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="192"/>
        <source>登记依据</source>
        <translation>Evidence from the registers</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="202"/>
        <source>采用登记依据(&amp;E)</source>
        <translation>Use this &amp;evidence</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="205"/>
        <source>把上面这条依据复制到本项的备注和测量值（留痕）；所选结果不变，与规则判定不同须说明理由</source>
        <translation>Copy the evidence above into this item&apos;s note and values (audited); the chosen result stays, and a result that differs from the rules needs a reason</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="218"/>
        <source>规则判定</source>
        <translation>Rule verdict</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="235"/>
        <source>检查结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="241"/>
        <source>合格(&amp;P)</source>
        <translation>&amp;Pass</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="242"/>
        <source>不合格(&amp;F)</source>
        <translation>&amp;Fail</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="243"/>
        <source>不适用(&amp;N)</source>
        <translation>&amp;N/A</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="261"/>
        <source>说明为何与规则判定不同</source>
        <translation>Explain why the result differs from the rules</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="266"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="274"/>
        <source>照片和文件</source>
        <translation>Photos and files</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="279"/>
        <source>整改措施</source>
        <translation>Corrective actions</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="283"/>
        <source>新建整改措施(&amp;C)…</source>
        <translation>New &amp;corrective action…</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="327"/>
        <source>依据：《{title}》{number}（{date}）{clause}</source>
        <translation>Source: {title}{number} ({date}), {clause}</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="332"/>
        <source>重要程度：关键</source>
        <translation>Severity: critical</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="333"/>
        <source>重要程度：重要</source>
        <translation>Severity: major</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="334"/>
        <source>重要程度：一般</source>
        <translation>Severity: minor</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="350"/>
        <source>：</source>
        <translation>:</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="375"/>
        <source>健康台账</source>
        <translation>health ledger</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="376"/>
        <source>通风消毒记录</source>
        <translation>ventilation and disinfection log</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="377"/>
        <source>隔离观察区登记</source>
        <translation>isolation area register</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="390"/>
        <source>来自{register}，截至检查日期 {date}：</source>
        <translation>From the {register}, as of the inspection date {date}:</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="394"/>
        <source>正在读取……</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="408"/>
        <source>无法读取登记：{reason}</source>
        <translation>The register could not be read: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="418"/>
        <source>登记显示：合格</source>
        <translation>The register shows: pass</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="421"/>
        <source>登记显示：不合格</source>
        <translation>The register shows: fail</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="424"/>
        <source>登记不足以判定，请现场核查。</source>
        <translation>The register is not enough to judge; check on site.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="435"/>
        <source>正在采用登记依据……</source>
        <translation>Copying the register&apos;s evidence…</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="442"/>
        <source>登记依据未能采用。</source>
        <translation>The register&apos;s evidence could not be used.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="442"/>
        <source>本项已填写的内容没有改变。</source>
        <translation>What this item holds has not changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="487"/>
        <source>合格</source>
        <translation>Pass</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="487"/>
        <source>不合格</source>
        <translation>Fail</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="487"/>
        <source>不适用</source>
        <translation>N/A</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="489"/>
        <source>依规则判定：{result}</source>
        <translation>The rules say: {result}</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="492"/>
        <source>填写测量值后，规则会给出判定。</source>
        <translation>Enter the measured values and the rules will give a verdict.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="495"/>
        <source>本项没有数值规则，请根据现场检查选择结果。</source>
        <translation>No numeric rule for this item; choose the result from what you saw on site.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="507"/>
        <source>另有 {count} 项房间检查合格。</source>
        <translation>{count} more room checks passed.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="538"/>
        <source>数值无效，已按输入保存：</source>
        <translation>Invalid value, saved as typed: </translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="550"/>
        <source>所选结果与规则判定（{derived}）不同，请说明理由（必填）：</source>
        <translation>Your result differs from the rules ({derived}); give a reason (required):</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="556"/>
        <source>尚未选择结果：按规则计为“{result}”。</source>
        <translation>No result chosen yet: counted as “{result}” by the rules.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="584"/>
        <source>尚无整改措施。</source>
        <translation>No corrective action yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="588"/>
        <source>• {action}（责任人：{owner}，期限：{due}）</source>
        <translation>• {action} (owner: {owner}, due: {due})</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="591"/>
        <source> — 已逾期</source>
        <translation> — overdue</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="636"/>
        <source>无法读取宿舍登记。</source>
        <translation>The dormitory register could not be read.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="636"/>
        <source>宿舍表没有改变。</source>
        <translation>The dormitory table is unchanged.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="665"/>
        <source>正在读取和添加照片……</source>
        <translation>Reading and attaching the photos…</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="683"/>
        <source>有文件未能添加。</source>
        <translation>Some files could not be attached.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="685"/>
        <source>其他文件和已填写的内容都已保存。</source>
        <translation>The other files and everything you entered are saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="699"/>
        <source>无法打开原文</source>
        <translation>Cannot open the official text</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="701"/>
        <source>检查记录未受影响；本项的条款和引文仍显示在本页。</source>
        <translation>The inspection is unaffected; the item&apos;s clause and quotation are still shown on this page.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="730"/>
        <source>整改措施未能保存。</source>
        <translation>The corrective action could not be saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="730"/>
        <source>对话框中的内容仍保留，可再试一次。</source>
        <translation>The dialog keeps what you typed; you can try again.</translation>
    </message>
</context>
<context>
    <name>LedgerPage</name>
    <message>
        <location filename="../../desktop/registers/page.py" line="176"/>
        <source>第 %1–%2 人，共 %3 人</source>
        <translation>People %1–%2 of %3</translation>
    </message>
</context>
<context>
    <name>LedgerSettings</name>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="67"/>
        <source>疫情防控期已结束</source>
        <translation>the epidemic period is over</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="68"/>
        <source>超过保存天数</source>
        <translation>past the retention days</translation>
    </message>
</context>
<context>
    <name>LedgerSettingsDialog</name>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="81"/>
        <source>台账设置</source>
        <translation>Ledger settings</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="94"/>
        <source>仅单位主要负责人可修改以下设置；每次修改都记入审计记录。</source>
        <translation>Only the company&apos;s principal may change these settings; every change goes into the audit trail.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="96"/>
        <source>仅单位主要负责人可修改以下设置（当前账户只能查看）。</source>
        <translation>Only the company&apos;s principal may change these settings (this account can only view them).</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="112"/>
        <source>保存阈值(&amp;T)</source>
        <translation>Save &amp;threshold</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="115"/>
        <source>发热阈值(&amp;F)：</source>
        <translation>&amp;Fever threshold:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="121"/>
        <source>发热阈值</source>
        <translation>Fever threshold</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="130"/>
        <source>如 1、1.2 或 2020-02</source>
        <translation>such as 1, 1.2 or 2020-02</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="134"/>
        <source>本单位告知书的全文，或其存放位置（如“见员工手册第 5 章”）；留空则使用本程序所附该版本的文本。</source>
        <translation>The company&apos;s own notice in full, or where it is kept (such as “see chapter 5 of the staff handbook”); empty: the text of that version this application holds.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="137"/>
        <source>保存告知书(&amp;O)</source>
        <translation>Save n&amp;otice</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="143"/>
        <source>现行版本(&amp;V)：</source>
        <translation>&amp;Version in force:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="149"/>
        <source>个人信息收集告知书</source>
        <translation>Notice on collecting personal information</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="157"/>
        <source>超过以下天数的个人健康信息删除(&amp;N)：</source>
        <translation>Keep personal health &amp;data no longer than:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="163"/>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="164"/>
        <source>疫情防控期已宣布结束，日期(&amp;E)：</source>
        <translation>The &amp;epidemic period was declared over on:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="167"/>
        <source>保存期限设置(&amp;S)</source>
        <translation>&amp;Save retention</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="169"/>
        <source>预览清理(&amp;P)…</source>
        <translation>&amp;Preview removal…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="171"/>
        <source>执行清理(&amp;R)…</source>
        <translation>&amp;Remove now…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="178"/>
        <source>到期后删除体温记录和已结束的医学观察（仍在观察的人员及其观察保留至观察结束）；离岗且已无记录的人员匿名化（姓名、身份证号、手机号、宿舍、返回地清空）。疫情防控期结束后，仍在进行的医学观察于清理当日结束，全部体温记录和医学观察删除、全部人员匿名化。已签署的每日汇总、同意记录和审计记录保留；每次清理都记录删除了什么。</source>
        <translation>Past the retention, readings and ended observations are deleted (people still under observation keep it, and their record, until it ends); people who left and have no record left are anonymised (name, ID number, phone, dormitory and origin blanked). Once the epidemic period is over, observations still running end on the day of the removal, every reading and observation is deleted and everyone anonymised. Signed daily summaries, consent records and the audit trail stay; each removal records what it removed.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="193"/>
        <source>点“预览清理”查看将删除和匿名化的数据；预览不修改任何数据。</source>
        <translation>Click Preview removal to see what would be deleted and anonymised; a preview changes nothing.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="194"/>
        <source>个人健康信息保存期限（个人信息保护）</source>
        <translation>Retention of personal health data (personal information protection)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="199"/>
        <source>保存期限已修改但尚未保存：预览和清理按已保存的设置进行，请先保存。</source>
        <translation>The retention was changed but not saved: a preview and a removal follow the saved setting, so save it first.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="249"/>
        <source>正在读取……</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="277"/>
        <source>现行 %1 版。%2 人尚未同意现行版本（含只同意过旧版本的人员），需在花名册中重新登记同意；体温登记不受影响。</source>
        <translation>Version %1 in force. %2 people have not agreed to it (including those who agreed only to an older version): record their consent again in the roster; temperature checks are not affected.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="283"/>
        <source>现行 %1 版。花名册中所有人员均已同意现行版本。</source>
        <translation>Version %1 in force. Everyone on the roster has agreed to it.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="293"/>
        <source>已执行的清理：</source>
        <translation>Removals made:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="296"/>
        <source>%1 %2：%3，删除 %4 之前的数据；这次清理的记录在本程序之外被改动过，删除的数量无法读取</source>
        <translation>%1 %2: %3; data before %4 deleted; the record of this run was altered outside the application, so how much was deleted cannot be read</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="299"/>
        <source>%1 %2：%3，删除 %4 之前的体温记录 %5 条、医学观察 %6 条，匿名化 %7 人</source>
        <translation>%1 %2: %3; before %4, %5 reading(s) and %6 observation(s) deleted, %7 people anonymised</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="348"/>
        <source>操作未完成。</source>
        <translation>Not done.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="348"/>
        <source>没有修改任何数据。</source>
        <translation>Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="359"/>
        <location filename="../../desktop/registers/ledger_settings.py" line="381"/>
        <location filename="../../desktop/registers/ledger_settings.py" line="408"/>
        <source>正在保存……</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="366"/>
        <source>发热阈值已改为 %1 °C；已录入的体温保留录入时的判断。</source>
        <translation>The fever threshold is now %1 °C; readings already entered keep the judgement they got.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="393"/>
        <source>现行告知书已由 %1 版改为 %2 版。</source>
        <translation>The notice in force changed from version %1 to version %2.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="396"/>
        <source>告知书设置已保存。</source>
        <translation>Notice saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="416"/>
        <source>保存期限设置已保存。</source>
        <translation>Retention saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="426"/>
        <source>正在统计……</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="436"/>
        <source>（%1 至 %2）</source>
        <translation> (%1 to %2)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="444"/>
        <source>按“%1”清理，删除 %2 之前的个人健康信息：</source>
        <translation>Removal because %1: personal health data before %2:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="447"/>
        <source>· 删除体温记录 %1 条%2</source>
        <translation>· %1 reading(s) deleted%2</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="448"/>
        <source>· 删除医学观察 %1 条（含其变更记录）</source>
        <translation>· %1 observation(s) deleted (with their changes)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="451"/>
        <source>· 其中仍在进行的医学观察 %1 条先于今日结束（疫情防控期已结束，记入审计记录）</source>
        <translation>· of them, %1 running observation(s) ended today first (the epidemic period is over; recorded in the audit trail)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="458"/>
        <source>· 匿名化人员 %1 人（姓名改为“已匿名 #编号”，身份证号、手机号、宿舍、返回地清空）</source>
        <translation>· %1 people anonymised (name replaced by their roster number; ID number, phone, dormitory and origin blanked)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="461"/>
        <source>保留：已签署的每日汇总 %1 份、同意记录、审计记录，以及本次清理的记录。</source>
        <translation>Kept: %1 signed daily summaries, the consent records, the audit trail, and the record of this removal.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="464"/>
        <source>以上只是预览，尚未删除任何数据。</source>
        <translation>This is only a preview; nothing has been deleted yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="477"/>
        <source>执行清理</source>
        <translation>Remove now</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="479"/>
        <source>将删除体温记录 %1 条、医学观察 %2 条，匿名化 %3 人。删除后无法恢复。确定执行吗？</source>
        <translation>%1 reading(s) and %2 observation(s) will be deleted and %3 people anonymised. This cannot be undone. Remove them?</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="496"/>
        <source>未执行清理，没有删除任何数据。</source>
        <translation>Not removed; nothing was deleted.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="499"/>
        <source>正在清理……</source>
        <translation>Removing…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/ledger_settings.py" line="506"/>
        <source>清理完成：删除体温记录 %1 条、医学观察 %2 条，匿名化 %3 人；已记录本次清理。</source>
        <translation>Removed: %1 reading(s) and %2 observation(s) deleted, %3 people anonymised; this removal is recorded.</translation>
    </message>
</context>
<context>
    <name>LockedPage</name>
    <message>
        <location filename="../../desktop/accounts/login.py" line="32"/>
        <source>正在打开数据库……</source>
        <translation>Opening the database…</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desktop/accounts/login.py" line="66"/>
        <source>登录 — 复工自查</source>
        <translation>Log in — Fugong Self-Check</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/login.py" line="76"/>
        <source>请登录</source>
        <translation>Please log in</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/login.py" line="81"/>
        <source>所有修改都以登录的账户记入审计记录。</source>
        <translation>Every change is recorded in the audit trail under the account that is logged in.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/login.py" line="83"/>
        <source>数据库：{name}</source>
        <translation>Database: {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/login.py" line="95"/>
        <source>账户名(&amp;N)：</source>
        <translation>Account &amp;name:</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/login.py" line="96"/>
        <source>密码(&amp;P)：</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/login.py" line="100"/>
        <location filename="../../desktop/accounts/login.py" line="158"/>
        <source>登录(&amp;L)</source>
        <translation>&amp;Log in</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/login.py" line="103"/>
        <source>退出程序</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/login.py" line="144"/>
        <source>请填写账户名。</source>
        <translation>Please enter the account name.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/login.py" line="148"/>
        <source>请填写密码。</source>
        <translation>Please enter the password.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/login.py" line="156"/>
        <source>正在打开数据库……</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/login.py" line="171"/>
        <source>无法登录。</source>
        <translation>Cannot log in.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/login.py" line="171"/>
        <source>没有修改任何数据。</source>
        <translation>No data was changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/login.py" line="184"/>
        <source>密码错误次数过多，请等 {seconds} 秒后再试。</source>
        <translation>Too many wrong passwords: please wait {seconds} s and try again.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/login.py" line="188"/>
        <source>现在可以再试一次。</source>
        <translation>You can try again now.</translation>
    </message>
</context>
<context>
    <name>LogoBox</name>
    <message>
        <location filename="../../desktop/settings/logo.py" line="50"/>
        <source>报告上的公司标志</source>
        <translation>Company logo on reports</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/logo.py" line="58"/>
        <source>选择图片(&amp;G)…</source>
        <translation>Choose &amp;picture…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/logo.py" line="61"/>
        <source>移除(&amp;R)</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/logo.py" line="80"/>
        <source>只有单位主要负责人可以更改公司标志。</source>
        <translation>Only the head of the company (manager) can change the company logo.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/logo.py" line="85"/>
        <source>（无标志）</source>
        <translation>(no logo)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/logo.py" line="99"/>
        <source>选择公司标志</source>
        <translation>Choose the company logo</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/logo.py" line="99"/>
        <source>图片 (*.png *.jpg *.jpeg)</source>
        <translation>Pictures (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/logo.py" line="108"/>
        <source>正在读取图片……</source>
        <translation>Reading the picture…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/logo.py" line="117"/>
        <source>按“确定”后保存，之后生成的报告都印有此标志。</source>
        <translation>Saved when you press OK; reports made from then on carry this logo.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/logo.py" line="122"/>
        <source>无法读取该文件；标志未改动。</source>
        <translation>The file cannot be read; the logo was left as it was.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/logo.py" line="125"/>
        <source>未采用该图片：%1</source>
        <translation>The picture was not used: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/logo.py" line="131"/>
        <source>按“确定”后移除标志。</source>
        <translation>The logo is removed when you press OK.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="984"/>
        <source>复工自查</source>
        <translation>Fugong Self-Check</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="133"/>
        <location filename="../../desktop/main_window.py" line="530"/>
        <source>未登录</source>
        <translation>Not logged in</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="122"/>
        <location filename="../../desktop/main_window.py" line="745"/>
        <source>复工自查 Fugong Self-Check</source>
        <translation>Fugong Self-Check 复工自查</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="137"/>
        <location filename="../../desktop/main_window.py" line="352"/>
        <source>正在打开数据库……</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="192"/>
        <source>新建检查(&amp;N)…</source>
        <translation>&amp;New inspection…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="193"/>
        <source>打开检查(&amp;O)</source>
        <translation>&amp;Open inspection</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="194"/>
        <source>返回检查列表(&amp;L)</source>
        <translation>Back to the &amp;list</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="195"/>
        <source>导出报告(&amp;E)…</source>
        <translation>&amp;Export reports…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="198"/>
        <source>导出汇总表(&amp;B)…</source>
        <translation>Export summary &amp;workbook…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="200"/>
        <source>把列表当前显示的检查（按筛选条件）导出到一个 Excel 汇总表</source>
        <translation>Export the inspections the list shows now (after its filters) to one Excel summary workbook</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="202"/>
        <source>刷新列表(&amp;R)</source>
        <translation>&amp;Refresh list</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="203"/>
        <source>设置(&amp;T)…</source>
        <translation>Se&amp;ttings…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="204"/>
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="205"/>
        <source>合格</source>
        <translation>Pass</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="206"/>
        <source>不合格</source>
        <translation>Fail</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="207"/>
        <source>不适用</source>
        <translation>N/A</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="209"/>
        <source>下一项(&amp;X)</source>
        <translation>Ne&amp;xt item</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="212"/>
        <source>上一项(&amp;V)</source>
        <translation>Pre&amp;vious item</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="214"/>
        <source>汇总(&amp;S)</source>
        <translation>&amp;Summary</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="215"/>
        <source>签署(&amp;G)…</source>
        <translation>Si&amp;gn…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="217"/>
        <source>新版本（更正）(&amp;C)…</source>
        <translation>New version (&amp;correction)…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="219"/>
        <source>审计(&amp;D)…</source>
        <translation>Au&amp;dit…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="221"/>
        <source>台账(&amp;T)…</source>
        <translation>Regis&amp;ters…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="224"/>
        <source>员工健康台账：花名册、每日两次测温、医学观察、每日汇总 (Ctrl+Shift+T)</source>
        <translation>Employee health ledger: roster, twice-daily checks, observation, daily summary (Ctrl+Shift+T)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="227"/>
        <source>添加账户(&amp;A)…</source>
        <translation>&amp;Add account…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="229"/>
        <source>管理账户(&amp;M)…</source>
        <translation>&amp;Manage accounts…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="231"/>
        <source>企业信息(&amp;Y)…</source>
        <translation>Compan&amp;y details…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="233"/>
        <source>修改密码(&amp;P)…</source>
        <translation>Change &amp;password…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="235"/>
        <source>退出登录(&amp;O)</source>
        <translation>Log &amp;out</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="236"/>
        <source>依据文件(&amp;S)…</source>
        <translation>&amp;Sources…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="237"/>
        <source>关于复工自查(&amp;A)…</source>
        <translation>&amp;About Fugong Self-Check…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="251"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="265"/>
        <source>检查(&amp;I)</source>
        <translation>&amp;Inspection</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="274"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="277"/>
        <source>语言 / Language(&amp;L)</source>
        <translation>&amp;Language / 语言</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="280"/>
        <source>账户(&amp;U)</source>
        <translation>Acco&amp;unts</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="288"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="292"/>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="363"/>
        <source>数据库：{url}</source>
        <translation>Database: {url}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="386"/>
        <source>无法打开数据库</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="700"/>
        <source>其他检查记录不受影响；审计窗口中的“验证记录”会指出被改动之处。</source>
        <translation>The other inspections are not affected; “Verify record” in the audit window shows what was altered.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="713"/>
        <source>正在打开检查……</source>
        <translation>Opening the inspection…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="750"/>
        <source>{place} {date} — 复工自查 Fugong Self-Check</source>
        <translation>{place} {date} — Fugong Self-Check 复工自查</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="385"/>
        <location filename="../../desktop/main_window.py" line="389"/>
        <source>无法打开数据库。</source>
        <translation>The database cannot be opened.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="196"/>
        <source>PDF 报告和 Excel 工作簿，中文或英文（在导出时选择）</source>
        <translation>The PDF report and the Excel workbook, in Chinese or English (chosen when exporting)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="391"/>
        <source>没有修改任何数据。请处理上述问题后重新启动程序。</source>
        <translation>No data was changed. Fix the problem above, then start the program again.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="405"/>
        <source>无法读取检查列表。</source>
        <translation>The list of inspections cannot be read.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="405"/>
        <location filename="../../desktop/main_window.py" line="702"/>
        <source>没有修改任何数据。</source>
        <translation>No data was changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="406"/>
        <source>正在读取检查列表……</source>
        <translation>Reading the inspections…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="446"/>
        <source>请完成首次设置：创建第一个账户后即可使用。</source>
        <translation>Please complete the first-run setup: the program can be used once the first account is created.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="446"/>
        <source>首次设置(&amp;S)…</source>
        <translation>First-run &amp;setup…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="488"/>
        <source>请登录。</source>
        <translation>Please log in.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="502"/>
        <source>已登录：{name}（{role}）</source>
        <translation>Logged in: {name} ({role})</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="548"/>
        <source>已添加账户：{name}（{role}）</source>
        <translation>Account added: {name} ({role})</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="613"/>
        <source>企业信息已保存。</source>
        <translation>Company details saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="628"/>
        <source>密码已修改。</source>
        <translation>Password changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="704"/>
        <source>无法打开这次检查。</source>
        <translation>This inspection cannot be opened.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="758"/>
        <source>已自动保存 {time}</source>
        <translation>Saved automatically at {time}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="815"/>
        <source>已签署，记录已锁定。</source>
        <translation>Signed; the record is locked.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="950"/>
        <source>数据库设置已保存，下次启动时使用。</source>
        <translation>The database setting is saved; it is used from the next start.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="985"/>
        <source>有填写内容没能保存到数据库（原因见前一条提示）。仍要关闭窗口吗？未保存的内容将丢失。</source>
        <translation>Some entries could not be saved to the database (see the previous message). Close the window anyway? Unsaved entries will be lost.</translation>
    </message>
</context>
<context>
    <name>MeasurementField</name>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="83"/>
        <source>（未填）</source>
        <translation>(not entered)</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="84"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/item_page.py" line="85"/>
        <source>否</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>NamesPane</name>
    <message>
        <location filename="../../desktop/registers/summary.py" line="85"/>
        <source>上一页(&amp;U)</source>
        <translation>Previo&amp;us page</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="87"/>
        <source>下一页(&amp;N)</source>
        <translation>&amp;Next page</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="107"/>
        <source>第 %1–%2 条，共 %3 条</source>
        <translation>%1–%2 of %3</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="113"/>
        <source>无</source>
        <translation>None</translation>
    </message>
</context>
<context>
    <name>NavigatorModel</name>
    <message>
        <location filename="../../desktop/editor/navigator.py" line="127"/>
        <source>检查项</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/navigator.py" line="127"/>
        <source>进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/navigator.py" line="185"/>
        <source>合格</source>
        <translation>Pass</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/navigator.py" line="185"/>
        <source>不合格</source>
        <translation>Fail</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/navigator.py" line="185"/>
        <source>不适用</source>
        <translation>N/A</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/navigator.py" line="190"/>
        <source>已答 {answered} / 共 {total}，不合格 {failed}</source>
        <translation>{answered} of {total} answered, {failed} failed</translation>
    </message>
</context>
<context>
    <name>NewInspectionDialog</name>
    <message>
        <location filename="../../desktop/inspections/new.py" line="63"/>
        <source>新建检查</source>
        <translation>New inspection</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections/new.py" line="76"/>
        <source>企业 / 场所(&amp;S)：</source>
        <translation>Company / &amp;site:</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections/new.py" line="77"/>
        <source>检查日期(&amp;D)：</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections/new.py" line="78"/>
        <source>检查人(&amp;I)：</source>
        <translation>&amp;Inspector:</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections/new.py" line="80"/>
        <source>检查依据（可多选）</source>
        <translation>Check against (choose one or more)</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections/new.py" line="92"/>
        <source>{items} 项，{date}{number}</source>
        <translation>{items} items, {date}{number}</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections/new.py" line="105"/>
        <source>开始检查</source>
        <translation>Start inspection</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections/new.py" line="144"/>
        <source>请先完成首次设置，登记企业。</source>
        <translation>Complete the first-run setup and register the company first.</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections/new.py" line="148"/>
        <source>请至少选择一份检查依据。</source>
        <translation>Choose at least one catalog.</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections/new.py" line="151"/>
        <source>请填写检查人。</source>
        <translation>Enter the inspector&apos;s name.</translation>
    </message>
    <message>
        <location filename="../../desktop/inspections/new.py" line="159"/>
        <source>未能创建检查：</source>
        <translation>The inspection could not be created: </translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <location filename="../../desktop/registers/consent.py" line="119"/>
        <source>个人信息收集告知书（%1 版）</source>
        <translation>Notice on collecting personal information (version %1)</translation>
    </message>
</context>
<context>
    <name>Observation</name>
    <message>
        <location filename="../../desktop/registers/observation.py" line="437"/>
        <source>正在保存……</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>ObservationDialog</name>
    <message>
        <location filename="../../desktop/registers/observation.py" line="351"/>
        <source>输入姓名或部门查找</source>
        <translation>Type a name or department to find</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="362"/>
        <source>必填，例如：3 月 1 日自湖北返京</source>
        <translation>Required, e.g. back in Beijing from Hubei on 1 March</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="362"/>
        <source>例如：3 月 1 日自湖北返京</source>
        <translation>e.g. back in Beijing from Hubei on 1 March</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="369"/>
        <source>查找(&amp;F)：</source>
        <translation>&amp;Find:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="370"/>
        <source>人员(&amp;P)：</source>
        <translation>&amp;Person:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="371"/>
        <source>方式(&amp;K)：</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="373"/>
        <source>原因(&amp;R)：</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="448"/>
        <source>未能保存。</source>
        <translation>Not saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="448"/>
        <source>填写的内容仍保留在对话框中。</source>
        <translation>What you typed is still in the dialog.</translation>
    </message>
</context>
<context>
    <name>ObservationModel</name>
    <message>
        <location filename="../../desktop/registers/observation.py" line="70"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="71"/>
        <source>方式</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="72"/>
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="73"/>
        <source>结束（含）</source>
        <translation>Last day</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="74"/>
        <source>第几天</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="75"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="85"/>
        <source>已标为在岗，但观察期未结束（BJTG 三）</source>
        <translation>Marked on site, but the observation has not ended (BJTG 3)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="93"/>
        <source>第 %1 天</source>
        <translation>day %1</translation>
    </message>
</context>
<context>
    <name>ObservationPage</name>
    <message>
        <location filename="../../desktop/registers/observation.py" line="118"/>
        <source>日期(&amp;D)：</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="122"/>
        <source>开始观察(&amp;B)…</source>
        <translation>&amp;Begin observation…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="124"/>
        <source>延长(&amp;L)…</source>
        <translation>Ex&amp;tend…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="126"/>
        <source>缩短(&amp;S)…</source>
        <translation>&amp;Shorten…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="128"/>
        <source>仅单位主要负责人，须填写理由（如经检测筛查排除感染，LK28 二（二）2）</source>
        <translation>The manager only, with a reason (e.g. screening ruled out infection, LK28 2 (2) 2)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="129"/>
        <source>新的接触(&amp;R)…</source>
        <translation>New exposure (&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="131"/>
        <source>新的暴露：自接触之日起重新计算 14 天</source>
        <translation>A new exposure: 14 days again from the exposure</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="132"/>
        <source>结束观察(&amp;E)…</source>
        <translation>&amp;End observation…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="195"/>
        <source>观察中 %1 人</source>
        <translation>%1 under observation</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="196"/>
        <source>（显示结束最早的 %1 人）</source>
        <translation> (showing the %1 ending first)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="206"/>
        <source>无法读取观察名单。</source>
        <translation>Could not read the observation list.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="206"/>
        <source>没有修改任何数据。</source>
        <translation>Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="239"/>
        <source>开始医学观察</source>
        <translation>Begin medical observation</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="240"/>
        <source>自开始之日起观察 14 天（BJHQ 二；BJTG 三），开始日为第 1 天。</source>
        <translation>Observation lasts 14 days from its start (BJHQ 2; BJTG 3); the start is day 1.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="241"/>
        <source>开始日期(&amp;D)：</source>
        <translation>Start &amp;date:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="248"/>
        <source>已开始观察。</source>
        <translation>The observation has begun.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="259"/>
        <source>缩短观察期</source>
        <translation>Shorten the observation</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="260"/>
        <source>%1 的观察期至 %2。缩短须由单位主要负责人填写理由（如经检测筛查排除感染，LK28 二（二）2）。</source>
        <translation>%1&apos;s observation runs until %2. Only the manager may shorten it, with a reason (e.g. screening ruled out infection, LK28 2 (2) 2).</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="264"/>
        <source>延长观察期</source>
        <translation>Extend the observation</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="264"/>
        <source>%1 的观察期至 %2。</source>
        <translation>%1&apos;s observation runs until %2.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="269"/>
        <source>新的结束日期(&amp;D)：</source>
        <translation>New last &amp;day:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="275"/>
        <source>观察期已缩短。</source>
        <translation>The observation was shortened.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="275"/>
        <source>观察期已延长。</source>
        <translation>The observation was extended.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="286"/>
        <source>新的接触</source>
        <translation>New exposure</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="287"/>
        <source>%1 有新的暴露：自接触之日起重新观察 14 天（已更晚的结束日期保留）。</source>
        <translation>%1 had a new exposure: 14 days of observation again from the exposure (a later end already set is kept).</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="288"/>
        <source>接触日期(&amp;D)：</source>
        <translation>Exposure &amp;date:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="294"/>
        <source>观察已重新开始。</source>
        <translation>The observation was restarted.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="305"/>
        <source>结束观察</source>
        <translation>End the observation</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="306"/>
        <source>%1 的观察期至 %2；提前结束须由单位主要负责人填写理由。结束后请在花名册中更改其状态。</source>
        <translation>%1&apos;s observation runs until %2; ending it early needs the manager and a reason. Afterwards change the person&apos;s status in the roster.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="309"/>
        <source>结束日期(&amp;D)：</source>
        <translation>&amp;Last day:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/observation.py" line="315"/>
        <source>观察已结束。</source>
        <translation>The observation has ended.</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <location filename="../../desktop/common/operations.py" line="130"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/common/operations.py" line="131"/>
        <source>请稍候</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <location filename="../../desktop/common/operations.py" line="156"/>
        <source>正在取消……</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../desktop/accounts/password.py" line="26"/>
        <location filename="../../desktop/accounts/password.py" line="44"/>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/password.py" line="30"/>
        <source>修改 {name} 的登录密码。签名密钥随之改用新密码保护，已签署的记录不受影响。</source>
        <translation>Change the login password of {name}. The signing key is then protected by the new password; records already signed are not affected.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/password.py" line="35"/>
        <source>至少 8 个字符</source>
        <translation>at least 8 characters</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/password.py" line="39"/>
        <source>当前密码(&amp;C)：</source>
        <translation>&amp;Current password:</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/password.py" line="40"/>
        <source>新密码(&amp;N)：</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/password.py" line="41"/>
        <source>再次输入新密码(&amp;A)：</source>
        <translation>New password &amp;again:</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/password.py" line="81"/>
        <source>请填写当前密码。</source>
        <translation>Please enter the current password.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/password.py" line="84"/>
        <source>新密码至少需要 {count} 个字符。</source>
        <translation>The new password needs at least {count} characters.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/password.py" line="87"/>
        <source>两次输入的新密码不一致。</source>
        <translation>The two new passwords differ.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/password.py" line="90"/>
        <source>新密码与当前密码相同。</source>
        <translation>The new password is the same as the current one.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/password.py" line="101"/>
        <source>正在修改密码并重新加密签名密钥……</source>
        <translation>Changing the password and re-encrypting the signing key…</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/password.py" line="114"/>
        <source>密码未能修改。</source>
        <translation>The password was not changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/password.py" line="114"/>
        <source>密码没有改变。</source>
        <translation>The password is unchanged.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/password.py" line="117"/>
        <source>密码未能修改：</source>
        <translation>The password was not changed: </translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../desktop/editor/photos.py" line="168"/>
        <source>添加照片或文件(&amp;H)…</source>
        <translation>Add p&amp;hoto or file…</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/photos.py" line="170"/>
        <source>删除所选</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/photos.py" line="172"/>
        <source>也可以把照片拖到这里。</source>
        <translation>You can also drop photos here.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/photos.py" line="197"/>
        <source>选择照片或文件</source>
        <translation>Choose photos or files</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/photos.py" line="199"/>
        <source>照片和文件</source>
        <translation>Photos and files</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/photos.py" line="199"/>
        <source>所有文件</source>
        <translation>All files</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/photos.py" line="181"/>
        <source>双击打开照片或文件</source>
        <translation>Double-click to open a photo or file</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/photos.py" line="219"/>
        <source>无法打开这个文件。</source>
        <translation>The file could not be opened.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/photos.py" line="219"/>
        <source>附件仍保存在检查记录中。</source>
        <translation>The attachment is still stored with the inspection.</translation>
    </message>
</context>
<context>
    <name>ReadingGridModel</name>
    <message>
        <location filename="../../desktop/registers/grid.py" line="192"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/grid.py" line="193"/>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/grid.py" line="194"/>
        <source>上午体温 °C</source>
        <translation>Morning °C</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/grid.py" line="195"/>
        <source>上午症状</source>
        <translation>Morning symptoms</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/grid.py" line="196"/>
        <source>下午体温 °C</source>
        <translation>Afternoon °C</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/grid.py" line="197"/>
        <source>下午症状</source>
        <translation>Afternoon symptoms</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/grid.py" line="198"/>
        <source>提示</source>
        <translation>Flag</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/grid.py" line="296"/>
        <source>发热 %1 °C</source>
        <translation>fever %1 °C</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/grid.py" line="377"/>
        <source>（补录）</source>
        <translation> (late)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/grid.py" line="378"/>
        <source>（未保存）</source>
        <translation> (not saved)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/grid.py" line="387"/>
        <source>补录：录入时已过该时段</source>
        <translation>Late entry: typed after this half-day had passed</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/grid.py" line="250"/>
        <source>%1 的%2体温未保存：%3</source>
        <translation>%1&apos;s %2 temperature was not saved: %3</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/grid.py" line="470"/>
        <source>“%1”不是可选的症状，症状未保存：请填写编号 1–%2 或症状名称。</source>
        <translation>&quot;%1&quot; is not a symptom on the list; the symptoms were not saved: type a number 1–%2 or a symptom&apos;s name.</translation>
    </message>
</context>
<context>
    <name>ReadingsImport</name>
    <message>
        <location filename="../../desktop/registers/readings_import.py" line="58"/>
        <source>症状</source>
        <translation>symptoms</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings_import.py" line="60"/>
        <source>姓名</source>
        <translation>name</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings_import.py" line="61"/>
        <source>体温</source>
        <translation>temperature</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings_import.py" line="62"/>
        <source>测温时间</source>
        <translation>time taken</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings_import.py" line="63"/>
        <source>症状（可选）</source>
        <translation>symptoms (optional)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings_import.py" line="129"/>
        <source>选择测温设备导出的文件</source>
        <translation>Choose the file the temperature device exported</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings_import.py" line="131"/>
        <source>测温记录 (*.csv *.xlsx);;所有文件 (*)</source>
        <translation>Temperature records (*.csv *.xlsx);;All files (*)</translation>
    </message>
</context>
<context>
    <name>ReadingsImportDialog</name>
    <message>
        <location filename="../../desktop/registers/readings_import.py" line="158"/>
        <source>从测温设备导入：“%1”</source>
        <translation>Import from a temperature device: “%1”</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings_import.py" line="169"/>
        <source>文件“%1”：%2 行数据，%3 列。</source>
        <translation>File “%1”: %2 data row(s), %3 column(s).</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings_import.py" line="184"/>
        <source>例如：东门测温门（列的对应关系按来源记住）</source>
        <translation>e.g. the east gate&apos;s camera (the columns are remembered per source)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings_import.py" line="187"/>
        <source>来源(&amp;S)：</source>
        <translation>&amp;Source:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings_import.py" line="191"/>
        <source>（未选择）</source>
        <translation>(not chosen)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings_import.py" line="191"/>
        <source>（没有此列）</source>
        <translation>(no such column)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings_import.py" line="196"/>
        <source>%1 列：</source>
        <translation>Column of %1:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings_import.py" line="197"/>
        <source>列的对应关系</source>
        <translation>Columns</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings_import.py" line="200"/>
        <source>预览(&amp;P)</source>
        <translation>&amp;Preview</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings_import.py" line="202"/>
        <source>选好各列后点“预览”：只检查，不保存。</source>
        <translation>Choose the columns, then Preview: it only checks, it stores nothing.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings_import.py" line="211"/>
        <location filename="../../desktop/registers/readings_import.py" line="273"/>
        <source>导入(&amp;I)</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings_import.py" line="264"/>
        <source>列或来源已更改，请重新预览。</source>
        <translation>The columns or the source changed: preview again.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings_import.py" line="273"/>
        <source>导入 %1 条(&amp;I)</source>
        <translation>&amp;Import %1</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings_import.py" line="293"/>
        <source>正在检查……</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings_import.py" line="302"/>
        <source>共 %1 行：可导入 %2 条（同一人同一半天取最高体温），有误 %3 行。</source>
        <translation>%1 row(s): %2 reading(s) to import (the highest temperature of a person&apos;s half-day is kept), %3 bad row(s).</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings_import.py" line="307"/>
        <source>其中 %1 个半天已过，导入的体温将标记为补录并记入审计记录。</source>
        <translation> %1 half-day(s) are past: their readings will be marked late and audited.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings_import.py" line="312"/>
        <source>没有发现问题。</source>
        <translation>No problems found.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings_import.py" line="314"/>
        <source>我已查看以上问题：只导入无误的 %1 条，其余不导入</source>
        <translation>I have seen the problems above: import only the %1 good reading(s), leave out the rest</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings_import.py" line="338"/>
        <source>第 %1 行：%2%3</source>
        <translation>row %1: %2 %3</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings_import.py" line="371"/>
        <source>正在导入体温……</source>
        <translation>Importing readings…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings_import.py" line="383"/>
        <source>体温未导入。</source>
        <translation>The readings were not imported.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings_import.py" line="383"/>
        <source>没有导入任何数据。</source>
        <translation>Nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings_import.py" line="394"/>
        <source>已从“%1”导入 %2 条体温，其中发热或有症状 %3 条、补录 %4 条。</source>
        <translation>%2 reading(s) imported from “%1”: %3 with a fever or symptoms, %4 late.</translation>
    </message>
</context>
<context>
    <name>ReadingsPage</name>
    <message>
        <location filename="../../desktop/registers/readings.py" line="161"/>
        <source>日期(&amp;D)：</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings.py" line="166"/>
        <source>上一班(&amp;P)</source>
        <translation>&amp;Previous shift</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings.py" line="168"/>
        <source>下一班(&amp;N)</source>
        <translation>&amp;Next shift</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings.py" line="172"/>
        <source>从测温设备导入(&amp;I)…</source>
        <translation>&amp;Import from a device…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings.py" line="174"/>
        <source>导入测温门或人脸识别测温终端导出的 CSV 或 Excel 文件</source>
        <translation>Import the CSV or Excel file a thermal gate or face-recognition terminal exported</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings.py" line="182"/>
        <source>输入体温后按 Enter 到下一人，Tab 到下一格；症状填编号：%1。F2 修改已填的值。</source>
        <translation>Type the temperature and press Enter for the next person, Tab for the next cell; symptoms by number: %1. F2 changes a value already entered.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings.py" line="254"/>
        <source>正在读取体温登记……</source>
        <translation>Reading the temperature register…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings.py" line="269"/>
        <source>发热阈值 %1 °C</source>
        <translation>Fever threshold %1 °C</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings.py" line="270"/>
        <source>（当日汇总已签署，记录已锁定）</source>
        <translation> (the day was signed off; its records are locked)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings.py" line="275"/>
        <source>花名册中没有需测温的人员。</source>
        <translation>Nobody on the roster to check.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings.py" line="284"/>
        <source>无法读取体温登记。</source>
        <translation>Could not read the temperature register.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings.py" line="284"/>
        <source>没有修改任何数据。</source>
        <translation>Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings.py" line="296"/>
        <location filename="../../desktop/registers/readings.py" line="302"/>
        <source>正在读取“%1”……</source>
        <translation>Reading “%1”…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings.py" line="301"/>
        <source>无法读取这个文件。</source>
        <translation>This file cannot be read.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings.py" line="301"/>
        <source>没有导入任何数据。</source>
        <translation>Nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings.py" line="327"/>
        <source>症状将与%1体温一起保存。</source>
        <translation>The symptoms will be saved with the %1 temperature.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings.py" line="351"/>
        <source>补录</source>
        <translation>Late entry</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings.py" line="353"/>
        <source>%1 %2 已过，现在录入的体温将标记为补录，并记入审计记录（录入人、录入时间）。确认补录吗？</source>
        <translation>The %2 of %1 has passed: temperatures entered now are marked as late entries and recorded in the audit trail (who entered them, and when). Enter them as late entries?</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings.py" line="371"/>
        <source>未保存：未确认补录。</source>
        <translation>Not saved: the late entry was not confirmed.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings.py" line="401"/>
        <source>正在保存体温……</source>
        <translation>Saving temperatures…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings.py" line="413"/>
        <source>已保存 %1 条%2体温%3。</source>
        <translation>Saved %1 %2 temperature(s)%3.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings.py" line="416"/>
        <source>（补录）</source>
        <translation> (late)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings.py" line="427"/>
        <source>体温未保存：%1</source>
        <translation>Temperatures not saved: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings.py" line="468"/>
        <source>发热（≥ %1 °C）或有可疑症状的人员会在此列出下一步措施（GN 四（十四）（十五）、BJHQ 二）。</source>
        <translation>Anyone with a fever (≥ %1 °C) or a suspicious symptom is shown here with the next steps (GN 4 (14) (15), BJHQ 2).</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings.py" line="496"/>
        <source>本页发热或有症状：%1 人</source>
        <translation>With fever or symptoms on this page: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/readings.py" line="497"/>
        <source>下一步</source>
        <translation>Next steps</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="77"/>
        <source>楼</source>
        <translation>Building</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="78"/>
        <source>房间</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="79"/>
        <source>面积 (m²)</source>
        <translation>Area (m²)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="80"/>
        <source>床位</source>
        <translation>Beds</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="81"/>
        <source>实住</source>
        <translation>Living</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="82"/>
        <source>位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="83"/>
        <source>全国 GN 二、（七）</source>
        <translation>National GN 2 (7)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="84"/>
        <source>北京 BJHQ 三; BJTG 八</source>
        <translation>Beijing BJHQ 3; BJTG 8</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/dormitories.py" line="85"/>
        <source>如何达标</source>
        <translation>To pass</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <location filename="../../desktop/registers/page.py" line="97"/>
        <source>没有修改任何数据。</source>
        <translation>Nothing was changed.</translation>
    </message>
</context>
<context>
    <name>Registers</name>
    <message>
        <location filename="../../desktop/registers/grid.py" line="492"/>
        <source>上午</source>
        <translation>morning</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/grid.py" line="494"/>
        <source>下午</source>
        <translation>afternoon</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="52"/>
        <source>在岗</source>
        <translation>on site</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="53"/>
        <source>居家观察</source>
        <translation>home observation</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="54"/>
        <source>集中观察</source>
        <translation>centralised observation</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="55"/>
        <source>离岗</source>
        <translation>left</translation>
    </message>
</context>
<context>
    <name>RegistersWindow</name>
    <message>
        <location filename="../../desktop/registers/window.py" line="39"/>
        <source>员工健康台账 — 复工自查</source>
        <translation>Employee health ledger — Fugong Self-Check</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/window.py" line="46"/>
        <source>花名册(&amp;1)</source>
        <translation>Roster (&amp;1)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/window.py" line="48"/>
        <source>体温登记(&amp;2)</source>
        <translation>Temperatures (&amp;2)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/window.py" line="50"/>
        <source>医学观察(&amp;3)</source>
        <translation>Observation (&amp;3)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/window.py" line="52"/>
        <source>每日汇总(&amp;4)</source>
        <translation>Daily summary (&amp;4)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/window.py" line="54"/>
        <source>通风消毒(&amp;5)</source>
        <translation>Ventilation and disinfection (&amp;5)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/window.py" line="56"/>
        <source>隔离观察区(&amp;6)</source>
        <translation>Isolation area (&amp;6)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/window.py" line="58"/>
        <source>台账设置(&amp;Y)…</source>
        <translation>Ledger settings (&amp;Y)…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/window.py" line="60"/>
        <source>发热阈值与个人健康信息保存期限（单位主要负责人）</source>
        <translation>The fever threshold and the retention of personal health data (the company&apos;s principal)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/window.py" line="63"/>
        <source>关闭(&amp;X)</source>
        <translation>Close (&amp;X)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/window.py" line="65"/>
        <source>保存正在填写的体温后关闭台账窗口</source>
        <translation>Store the temperatures being typed, then close the ledger window</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/window.py" line="75"/>
        <source>宿舍登记(&amp;7)</source>
        <translation>Dormitories (&amp;7)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/window.py" line="77"/>
        <source>食堂错峰就餐(&amp;8)</source>
        <translation>Canteen sittings (&amp;8)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/window.py" line="101"/>
        <source>正在保存体温，保存后关闭窗口……</source>
        <translation>Saving temperatures; the window closes when they are saved…</translation>
    </message>
</context>
<context>
    <name>RoomTableModel</name>
    <message>
        <location filename="../../desktop/editor/rooms.py" line="107"/>
        <source>房间</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/rooms.py" line="108"/>
        <source>面积 (m²)</source>
        <translation>Area (m²)</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/rooms.py" line="109"/>
        <location filename="../../desktop/editor/rooms.py" line="201"/>
        <source>人数</source>
        <translation>Occupants</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/rooms.py" line="110"/>
        <source>位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/rooms.py" line="111"/>
        <source>有窗</source>
        <translation>Window</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/rooms.py" line="112"/>
        <source>上下床</source>
        <translation>Bunk beds</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/rooms.py" line="201"/>
        <source>面积</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/rooms.py" line="205"/>
        <source>%1未保存：%2。保留原值 %3。</source>
        <translation>%1 not saved: %2. The previous value %3 was kept.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/rooms.py" line="240"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/rooms.py" line="240"/>
        <source>否</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>Rooms</name>
    <message>
        <location filename="../../desktop/editor/rooms.py" line="66"/>
        <source>地上</source>
        <translation>Above ground</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/rooms.py" line="67"/>
        <source>半地下室</source>
        <translation>Semi-basement</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/rooms.py" line="68"/>
        <source>地下</source>
        <translation>Underground</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/rooms.py" line="472"/>
        <source>待填写</source>
        <translation>to be filled in</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/rooms.py" line="475"/>
        <source>数据有误：</source>
        <translation>Invalid data: </translation>
    </message>
    <message>
        <location filename="../../desktop/editor/rooms.py" line="488"/>
        <source>不合格：</source>
        <translation>Fail: </translation>
    </message>
    <message>
        <location filename="../../desktop/editor/rooms.py" line="492"/>
        <source>合格，需注意</source>
        <translation>Pass, with a warning</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/rooms.py" line="495"/>
        <source>合格</source>
        <translation>Pass</translation>
    </message>
</context>
<context>
    <name>RoomsEditor</name>
    <message>
        <location filename="../../desktop/editor/rooms.py" line="361"/>
        <source>添加房间(&amp;R)</source>
        <translation>Add &amp;room</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/rooms.py" line="363"/>
        <source>删除所选房间</source>
        <translation>Remove selected rooms</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/rooms.py" line="365"/>
        <source>从宿舍登记导入</source>
        <translation>Import from the dormitory register</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/rooms.py" line="367"/>
        <source>复制宿舍登记中有人居住的房间及当前人数；此后登记的变化不影响本次检查</source>
        <translation>Copies the register&apos;s occupied rooms with their current occupants; later changes to the register do not change this inspection</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/rooms.py" line="368"/>
        <source>每间宿舍一行：面积为使用面积，人数为实住人数。</source>
        <translation>One row per dormitory room: usable floor area and actual occupants.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/rooms.py" line="427"/>
        <source>一次检查最多 %1 间宿舍；没有添加房间，已填写的房间都保留。</source>
        <translation>An inspection holds at most %1 dormitory rooms; no room was added, and every room typed is kept.</translation>
    </message>
</context>
<context>
    <name>RosterImport</name>
    <message>
        <location filename="../../desktop/registers/roster_import.py" line="59"/>
        <source>选择花名册文件</source>
        <translation>Choose a roster file</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster_import.py" line="61"/>
        <source>花名册 (*.xlsx *.csv);;所有文件 (*)</source>
        <translation>Roster (*.xlsx *.csv);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster_import.py" line="72"/>
        <source>保存花名册模板</source>
        <translation>Save the roster template</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster_import.py" line="74"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster_import.py" line="83"/>
        <source>模板未能保存。</source>
        <translation>The template was not saved.</translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message>
        <location filename="../../desktop/registers/roster_import.py" line="95"/>
        <source>导入花名册：%1</source>
        <translation>Import the roster: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster_import.py" line="105"/>
        <source>共 %1 行：可导入 %2 行，有误 %3 行，重复 %4 行（重复的人员不会重复导入）。</source>
        <translation>%1 rows: %2 can be imported, %3 have errors, %4 are duplicates (a duplicate is never imported twice).</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster_import.py" line="118"/>
        <source>没有发现问题。</source>
        <translation>No problems found.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster_import.py" line="120"/>
        <source>我已查看以上问题：只导入无误的 %1 行，其余不导入</source>
        <translation>I have seen the problems above: import only the %1 good rows, and nothing else</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster_import.py" line="124"/>
        <source>导入 %1 行(&amp;I)</source>
        <translation>&amp;Import %1 rows</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster_import.py" line="162"/>
        <source>正在导入花名册……</source>
        <translation>Importing the roster…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster_import.py" line="173"/>
        <source>花名册未导入。</source>
        <translation>The roster was not imported.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster_import.py" line="173"/>
        <source>没有导入任何数据。</source>
        <translation>Nothing was imported.</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <location filename="../../desktop/registers/roster.py" line="91"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="92"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="93"/>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="94"/>
        <source>岗位</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="95"/>
        <source>人员类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="96"/>
        <source>外包单位</source>
        <translation>Outsourcing company</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="97"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="98"/>
        <source>手机号</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="99"/>
        <source>宿舍</source>
        <translation>Dormitory</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="100"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="101"/>
        <source>返岗日期</source>
        <translation>Return date</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="102"/>
        <source>返回自</source>
        <translation>Returned from</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="103"/>
        <source>个人信息同意</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="114"/>
        <source>尚未登记本人对现行 %1 版告知书的同意</source>
        <translation>No consent to the current notice (version %1) is recorded</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <location filename="../../desktop/registers/roster.py" line="158"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="163"/>
        <source>全部岗位</source>
        <translation>All posts</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="164"/>
        <source>后勤人员（保洁、保安、物业、食堂、维修维护）</source>
        <translation>Logistics staff (cleaning, security, property, canteen, maintenance)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="167"/>
        <source>人员类别：%1</source>
        <translation>Category: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="169"/>
        <source>按人员类别或岗位筛选（北京后勤物业人员按 BJHQ 二 单独管理）</source>
        <translation>Filter by category or post (Beijing&apos;s logistics staff are managed separately under BJHQ 2)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="170"/>
        <source>岗位(&amp;O)：</source>
        <translation>P&amp;ost:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="172"/>
        <source>只看未同意(&amp;U)</source>
        <translation>Witho&amp;ut consent only</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="174"/>
        <source>只列出尚未登记对现行告知书同意的人员</source>
        <translation>List only the people with no consent to the current notice</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="178"/>
        <source>搜索姓名、部门、宿舍</source>
        <translation>Search name, department, dormitory</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="179"/>
        <source>查找(&amp;F)：</source>
        <translation>&amp;Find:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="181"/>
        <source>添加(&amp;A)…</source>
        <translation>&amp;Add…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="183"/>
        <source>编辑(&amp;E)…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="185"/>
        <source>从 Excel 导入(&amp;I)…</source>
        <translation>&amp;Import from Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="187"/>
        <source>下载模板(&amp;T)…</source>
        <translation>Download &amp;template…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="189"/>
        <source>个人信息同意(&amp;C)…</source>
        <translation>&amp;Consent…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="191"/>
        <source>告知书(&amp;V)…</source>
        <translation>&amp;View notice…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="199"/>
        <source>上一页(&amp;P)</source>
        <translation>&amp;Previous page</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="201"/>
        <source>下一页(&amp;N)</source>
        <translation>&amp;Next page</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="270"/>
        <source>正在读取花名册……</source>
        <translation>Reading the roster…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="288"/>
        <source>没有符合条件的人员。</source>
        <translation>Nobody matches.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="291"/>
        <source>花名册中还没有人员：点“添加”逐个录入，或“从 Excel 导入”（可先下载模板）。</source>
        <translation>Nobody is on the roster yet: use Add for one person at a time, or Import from Excel (download the template first).</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="307"/>
        <source>无法读取花名册。</source>
        <translation>Could not read the roster.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="307"/>
        <source>没有修改任何数据。</source>
        <translation>Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="319"/>
        <source>岗位：%1</source>
        <translation>Post: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="391"/>
        <source>已登记 %1 的个人信息收集同意。</source>
        <translation>Consent of %1 recorded.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="410"/>
        <location filename="../../desktop/registers/roster.py" line="416"/>
        <source>正在检查 %1……</source>
        <translation>Checking %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="415"/>
        <source>无法读取这个文件。</source>
        <translation>This file cannot be read.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="415"/>
        <source>没有导入任何数据。</source>
        <translation>Nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="428"/>
        <source>已导入 %1 人。</source>
        <translation>Imported %1 people.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="435"/>
        <source>模板已保存到 %1。</source>
        <translation>The template was saved to %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/roster.py" line="439"/>
        <source>花名册已保存。</source>
        <translation>The roster was saved.</translation>
    </message>
</context>
<context>
    <name>SectionCountsModel</name>
    <message>
        <location filename="../../desktop/editor/summary.py" line="104"/>
        <source>部分</source>
        <translation>Section</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="105"/>
        <source>合格</source>
        <translation>Pass</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="106"/>
        <source>不合格</source>
        <translation>Fail</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="107"/>
        <source>不适用</source>
        <translation>N/A</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="108"/>
        <source>未查</source>
        <translation>Unchecked</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="109"/>
        <source>已答</source>
        <translation>Answered</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/settings/dialog.py" line="74"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/dialog.py" line="83"/>
        <source>本机数据库文件（SQLite）(&amp;F)</source>
        <translation>Database &amp;file on this computer (SQLite)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/dialog.py" line="85"/>
        <source>数据库服务器（PostgreSQL）(&amp;S)</source>
        <translation>Database &amp;server (PostgreSQL)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/dialog.py" line="92"/>
        <source>浏览(&amp;B)…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/dialog.py" line="112"/>
        <source>只用于测试连接，不保存</source>
        <translation>only to try the connection; never saved</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/dialog.py" line="114"/>
        <source>主机(&amp;H)：</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/dialog.py" line="115"/>
        <source>端口：</source>
        <translation>Port:</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/dialog.py" line="116"/>
        <source>数据库名：</source>
        <translation>Database name:</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/dialog.py" line="117"/>
        <source>用户名(&amp;U)：</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/dialog.py" line="118"/>
        <source>密码(&amp;P)：</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/dialog.py" line="120"/>
        <source>数据库（下次启动时生效）</source>
        <translation>Database (used from the next start)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/dialog.py" line="133"/>
        <source>新建检查时默认选中的清单</source>
        <translation>Catalogs checked for a new inspection</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/dialog.py" line="152"/>
        <source>语言 / Language(&amp;L)：</source>
        <translation>语言 / &amp;Language:</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/dialog.py" line="169"/>
        <source>数据库文件</source>
        <translation>Database file</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/dialog.py" line="171"/>
        <source>SQLite 数据库 (*.sqlite3 *.sqlite *.db)</source>
        <translation>SQLite database (*.sqlite3 *.sqlite *.db)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/dialog.py" line="198"/>
        <source>请选择数据库文件。未保存任何设置。</source>
        <translation>Choose a database file. Nothing was saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/dialog.py" line="201"/>
        <source>请填写服务器主机和数据库名。未保存任何设置。</source>
        <translation>Type the server&apos;s host and the database name. Nothing was saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/dialog.py" line="205"/>
        <source>请至少选择一个默认清单。未保存任何设置。</source>
        <translation>Choose at least one default catalog. Nothing was saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/dialog.py" line="212"/>
        <source>无法使用该数据库：%1。未保存任何设置。</source>
        <translation>This database cannot be used: %1. Nothing was saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/settings/dialog.py" line="222"/>
        <source>无法保存公司标志：%1。未保存任何设置。</source>
        <translation>The company logo cannot be saved: %1. No setting was saved.</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../desktop/accounts/first_run.py" line="110"/>
        <source>首次设置 — 复工自查</source>
        <translation>First-run setup — Fugong Self-Check</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/first_run.py" line="111"/>
        <source>欢迎使用复工自查</source>
        <translation>Welcome to Fugong Self-Check</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/first_run.py" line="130"/>
        <source>例如：北京某某制造有限公司</source>
        <translation>e.g. Beijing Example Manufacturing Co., Ltd.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/first_run.py" line="134"/>
        <source>18 位统一社会信用代码</source>
        <translation>18-character unified social credit code</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/first_run.py" line="154"/>
        <source>可选，例如：一号厂区、员工宿舍楼</source>
        <translation>Optional, e.g. Plant 1, staff dormitory building</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/first_run.py" line="118"/>
        <source>请填写本企业的基本信息，并创建您的账户。官方检查表（国务院联防联控机制指南、北京市通知等）已内置在程序中，无需另找文件。</source>
        <translation>Please enter your company&apos;s details and create your account. The official checklists (State Council joint prevention and control guideline, Beijing notices and others) are built into the program: there is no file to find.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/first_run.py" line="123"/>
        <source>请填写本企业的基本信息。官方检查表（国务院联防联控机制指南、北京市通知等）已内置在程序中，无需另找文件。</source>
        <translation>Please enter your company&apos;s details. The official checklists (State Council joint prevention and control guideline, Beijing notices and others) are built into the program: there is no file to find.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/first_run.py" line="147"/>
        <source>选择或输入，例如：大兴区（决定报告上的监管部门）</source>
        <translation>Choose or type, e.g. Daxing District (decides the inspecting authority on the report)</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/first_run.py" line="150"/>
        <source>可选，例如：北京市大兴区示例路 1 号（印在报告封面）</source>
        <translation>Optional, e.g. 1 Shili Road, Daxing District, Beijing (printed on the report&apos;s cover)</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/first_run.py" line="157"/>
        <source>登录和签署检查记录时使用的姓名</source>
        <translation>the name you log in and sign inspections with</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/first_run.py" line="161"/>
        <source>至少 8 个字符</source>
        <translation>at least 8 characters</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/first_run.py" line="167"/>
        <source>这是本数据库的第一个账户，将成为单位主要负责人（管理员）：可以添加安全员、审计员等其他账户，并审核签署检查记录。请牢记密码：签署时需要再次输入，密码无法找回。</source>
        <translation>This is the first account of this database: it becomes the head of the organisation (administrator), who can add other accounts such as safety officers and auditors and countersigns inspection records. Remember the password: it is asked again when signing and cannot be recovered.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/first_run.py" line="178"/>
        <source>企业名称(&amp;C)：</source>
        <translation>&amp;Company name:</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/first_run.py" line="179"/>
        <source>统一社会信用代码(&amp;U)：</source>
        <translation>&amp;Unified social credit code:</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/first_run.py" line="181"/>
        <source>企业类型(&amp;T)：</source>
        <translation>Company &amp;type:</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/first_run.py" line="182"/>
        <source>所在区(&amp;Q)：</source>
        <translation>District (&amp;Q):</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/first_run.py" line="183"/>
        <source>地址(&amp;R)：</source>
        <translation>Add&amp;ress:</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/first_run.py" line="185"/>
        <source>场所(&amp;S)：</source>
        <translation>&amp;Site:</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/first_run.py" line="201"/>
        <source>您的姓名（账户名）(&amp;O)：</source>
        <translation>Your name (acc&amp;ount):</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/first_run.py" line="202"/>
        <source>密码(&amp;P)：</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/first_run.py" line="203"/>
        <source>再次输入密码(&amp;A)：</source>
        <translation>Password &amp;again:</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/first_run.py" line="333"/>
        <source>正在创建账户和签名密钥……</source>
        <translation>Creating the account and its signing key…</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/first_run.py" line="333"/>
        <source>正在保存……</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/first_run.py" line="347"/>
        <source>未能保存。</source>
        <translation>Could not save.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/first_run.py" line="347"/>
        <source>填写的内容仍保留在对话框中。</source>
        <translation>What you typed is still in the dialog.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/first_run.py" line="210"/>
        <source>开始使用</source>
        <translation>Get started</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/first_run.py" line="295"/>
        <source>请填写您的姓名（账户名）。</source>
        <translation>Please enter your name (the account name).</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/first_run.py" line="298"/>
        <source>密码至少需要 {count} 个字符。</source>
        <translation>The password needs at least {count} characters.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/first_run.py" line="301"/>
        <source>两次输入的密码不一致。</source>
        <translation>The two passwords do not match.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/first_run.py" line="310"/>
        <source>请填写企业名称。</source>
        <translation>Enter the company name.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/first_run.py" line="315"/>
        <source>请填写统一社会信用代码。</source>
        <translation>Enter the unified social credit code.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/first_run.py" line="350"/>
        <source>未能保存：</source>
        <translation>Could not save: </translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <location filename="../../desktop/signing/dialog.py" line="59"/>
        <source>签署检查记录</source>
        <translation>Sign the inspection record</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/dialog.py" line="70"/>
        <source>签署人：{name}（{role}）</source>
        <translation>Signer: {name} ({role})</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/dialog.py" line="76"/>
        <source>签署含义(&amp;M)：</source>
        <translation>&amp;Meaning:</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/dialog.py" line="78"/>
        <source>签署声明</source>
        <translation>Statement</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/dialog.py" line="84"/>
        <source>手写签名（可选，显示在报告上）</source>
        <translation>Handwritten signature (optional, shown on the report)</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/dialog.py" line="86"/>
        <source>清除(&amp;C)</source>
        <translation>&amp;Clear</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/dialog.py" line="99"/>
        <source>再次输入您的密码(&amp;P)：</source>
        <translation>Your &amp;password again:</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/dialog.py" line="104"/>
        <source>签署(&amp;S)</source>
        <translation>&amp;Sign</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/dialog.py" line="147"/>
        <source>请输入密码：签署需要用它解锁您的签名密钥。</source>
        <translation>Please enter your password: signing needs it to unlock your signing key.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/dialog.py" line="160"/>
        <source>正在签署并生成报告……</source>
        <translation>Signing and producing the reports…</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/dialog.py" line="173"/>
        <source>未能签署。</source>
        <translation>Could not sign.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/dialog.py" line="173"/>
        <location filename="../../desktop/signing/dialog.py" line="177"/>
        <source>检查记录没有改变。</source>
        <translation>The inspection record was not changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/dialog.py" line="177"/>
        <source>未能签署：{reason}</source>
        <translation>Could not sign: {reason}</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../desktop/signing/pad.py" line="33"/>
        <source>按住鼠标左键书写签名</source>
        <translation>Hold the left mouse button down to write your signature</translation>
    </message>
</context>
<context>
    <name>SignaturesModel</name>
    <message>
        <location filename="../../desktop/editor/signatures.py" line="70"/>
        <source>签名人</source>
        <translation>Signer</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/signatures.py" line="71"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/signatures.py" line="72"/>
        <source>签署含义</source>
        <translation>Meaning</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/signatures.py" line="73"/>
        <source>签署时间（UTC）</source>
        <translation>Signed at (UTC)</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/signatures.py" line="74"/>
        <source>本地时间</source>
        <translation>Local time</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/signatures.py" line="75"/>
        <source>记录哈希</source>
        <translation>Record hash</translation>
    </message>
</context>
<context>
    <name>SignedDaysModel</name>
    <message>
        <location filename="../../desktop/audit/models.py" line="284"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="285"/>
        <source>台账</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="286"/>
        <source>签署人</source>
        <translation>Signed by</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="287"/>
        <source>签署时间</source>
        <translation>Signed at</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="288"/>
        <source>验证结果</source>
        <translation>Verification</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="314"/>
        <source>未验证</source>
        <translation>Not verified</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="316"/>
        <source>完好，未被改动</source>
        <translation>Intact, unchanged</translation>
    </message>
    <message>
        <location filename="../../desktop/audit/models.py" line="318"/>
        <source>验证失败</source>
        <translation>Failed</translation>
    </message>
</context>
<context>
    <name>Signing</name>
    <message>
        <location filename="../../desktop/signing/action.py" line="26"/>
        <source>记录 #{id}：{place}，{date}，检查人 {inspector}</source>
        <translation>Record #{id}: {place}, {date}, inspector {inspector}</translation>
    </message>
</context>
<context>
    <name>SourceTextDialog</name>
    <message>
        <location filename="../../desktop/editor/source_text.py" line="35"/>
        <source>原文：%1</source>
        <translation>Official text: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/source_text.py" line="36"/>
        <source>无文号</source>
        <translation>no document number</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/source_text.py" line="38"/>
        <source>%1
%2 · %3 · %4
引用：%5，第 %6–%7 行</source>
        <translation>%1
%2 · %3 · %4
Cited: %5, lines %6–%7</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/source_text.py" line="50"/>
        <source>官方原文为中文；高亮部分为本项引用的段落。</source>
        <translation>The official text is in Chinese; the highlighted lines are the passage this item cites.</translation>
    </message>
</context>
<context>
    <name>SourcesDialog</name>
    <message>
        <location filename="../../desktop/common/about.py" line="37"/>
        <source>依据文件</source>
        <translation>Sources</translation>
    </message>
    <message>
        <location filename="../../desktop/common/about.py" line="50"/>
        <source>检查表</source>
        <translation>Catalog</translation>
    </message>
    <message>
        <location filename="../../desktop/common/about.py" line="50"/>
        <source>文件</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../desktop/common/about.py" line="50"/>
        <source>发文机关</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <location filename="../../desktop/common/about.py" line="50"/>
        <source>文号</source>
        <translation>Document number</translation>
    </message>
    <message>
        <location filename="../../desktop/common/about.py" line="50"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../desktop/app.py" line="196"/>
        <source>数据库服务器密码</source>
        <translation>Database server password</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="197"/>
        <source>%1 在 %2 上的密码：</source>
        <translation>Password of %1 on %2:</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../desktop/common/words.py" line="12"/>
        <location filename="../../desktop/common/words.py" line="22"/>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../desktop/common/words.py" line="13"/>
        <source>已完成</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../desktop/common/words.py" line="14"/>
        <source>已签署</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../desktop/common/words.py" line="23"/>
        <source>待检查人签署</source>
        <translation>Awaiting inspector&apos;s signature</translation>
    </message>
    <message>
        <location filename="../../desktop/common/words.py" line="24"/>
        <source>待审核签署</source>
        <translation>Awaiting approval</translation>
    </message>
    <message>
        <location filename="../../desktop/common/words.py" line="25"/>
        <source>已审核</source>
        <translation>Approved</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../desktop/editor/summary.py" line="167"/>
        <source>整改措施</source>
        <translation>Corrective actions</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="185"/>
        <location filename="../../desktop/editor/summary.py" line="420"/>
        <source>整改跟进(&amp;T)…</source>
        <translation>Follow up ac&amp;tion…</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="187"/>
        <source>修改(&amp;E)…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="189"/>
        <source>删除(&amp;L)…</source>
        <translation>De&amp;lete…</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="201"/>
        <source>完成检查(&amp;M)</source>
        <translation>Co&amp;mplete inspection</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="216"/>
        <location filename="../../desktop/registers/summary.py" line="150"/>
        <source>签署(&amp;G)…</source>
        <translation>Si&amp;gn…</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="218"/>
        <source>新版本（更正）(&amp;V)…</source>
        <translation>New &amp;version (correction)…</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="221"/>
        <source>签名</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="267"/>
        <source>无法读取检查记录。</source>
        <translation>The inspection record cannot be read.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="267"/>
        <source>已填写的内容都已保存。</source>
        <translation>Everything you entered is saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="270"/>
        <source>{place} — {date}，检查人：{inspector}（{status}）</source>
        <translation>{place} — {date}, inspector: {inspector} ({status})</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="274"/>
        <source>；更正并取代记录 #{id}</source>
        <translation>; corrects and supersedes record #{id}</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="285"/>
        <source>共 {total} 项：合格 {passed}，不合格 {failed}，不适用 {na}，未查 {unchecked}；合格率 {rate}</source>
        <translation>{total} items: {passed} pass, {failed} fail, {na} N/A, {unchecked} unchecked; pass rate {rate}</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="334"/>
        <source>本次检查已签署并经单位主要负责人审核，记录已锁定。</source>
        <translation>This inspection is signed and approved by the head of the organisation; the record is locked.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="335"/>
        <source>本次检查已由检查人签署，记录已锁定；等待单位主要负责人审核签署。</source>
        <translation>This inspection is signed by the inspector and locked; it awaits review by the head of the organisation.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="337"/>
        <source>本次检查已完成，等待检查人签署。签署后记录将被锁定。</source>
        <translation>This inspection is completed and awaits the inspector&apos;s signature. Signing locks the record.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="339"/>
        <source>您的账户只能查看，不能修改检查记录。</source>
        <translation>Your account can view inspection records but not change them.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="341"/>
        <source>还有 {count} 个问题需要处理，处理后才能完成检查。</source>
        <translation>{count} problems still block completion.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="342"/>
        <source>所有检查项均已处理，可以完成检查。</source>
        <translation>Every item is dealt with; the inspection can be completed.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="346"/>
        <source>无。</source>
        <translation>None.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="347"/>
        <source>不合格项</source>
        <translation>Failed items</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="361"/>
        <source>人工判定：</source>
        <translation>Officer&apos;s judgement: </translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="407"/>
        <source>整改措施（共 {total} 项，未验证 {open} 项）</source>
        <translation>Corrective actions ({total}, {open} not verified)</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="417"/>
        <source>更改整改状态(&amp;T)…</source>
        <translation>Change ac&amp;tion status…</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="423"/>
        <source>没有整改措施。</source>
        <translation>No corrective actions.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="425"/>
        <source>您的账户只能查看整改措施和跟进记录。</source>
        <translation>Your account can view corrective actions and their follow-ups, not record them.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="427"/>
        <source>选中一条整改措施，可修改、删除或更改其状态。</source>
        <translation>Select a corrective action to edit it, delete it or change its status.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="429"/>
        <source>选中一条整改措施，记录整改进展；跟进记录不改变检查记录和签名。</source>
        <translation>Select a corrective action to record its progress; follow-ups do not change the signed record or its signatures.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="486"/>
        <source>整改措施未能修改。</source>
        <translation>The corrective action could not be changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="486"/>
        <source>对话框中的内容仍保留。</source>
        <translation>What you typed in the dialog is kept.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="487"/>
        <source>程序内部错误，详见错误信息。</source>
        <translation>Internal error; see the error message.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="507"/>
        <source>删除整改措施</source>
        <translation>Delete corrective action</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="508"/>
        <source>删除整改措施“{action}”？删除会记入审计记录。</source>
        <translation>Delete the corrective action “{action}”? The deletion is recorded in the audit trail.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="509"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="511"/>
        <source>保留</source>
        <translation>Keep</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="522"/>
        <source>整改措施未能删除。</source>
        <translation>The corrective action could not be deleted.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="522"/>
        <source>整改措施仍保留。</source>
        <translation>The corrective action is kept.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="584"/>
        <source>检查未能完成。</source>
        <translation>The inspection could not be completed.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="584"/>
        <source>已填写的内容都已保存，检查仍为草稿。</source>
        <translation>Everything you entered is saved; the inspection stays a draft.</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="280"/>
        <source>{checked} / {total} 已查，查完后计算</source>
        <translation>{checked} / {total} checked; calculated once all are checked</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="381"/>
        <source>尚未处理、影响完成的问题（{count}）</source>
        <translation>What still blocks completion ({count})</translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="385"/>
        <location filename="../../desktop/registers/summary.py" line="423"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../desktop/editor/summary.py" line="386"/>
        <source>尚未检查（{count} 项）：</source>
        <translation>Not checked yet ({count}): </translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="146"/>
        <source>日期(&amp;D)：</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="148"/>
        <source>刷新(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="152"/>
        <source>导出 PDF(&amp;P)…</source>
        <translation>Export &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="154"/>
        <source>导出工作簿(&amp;W)…</source>
        <translation>Export &amp;workbook…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="212"/>
        <source>正在生成每日汇总……</source>
        <translation>Making the daily summary…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="240"/>
        <source>尚未签署：以下为按当前台账生成的汇总。</source>
        <translation>Not signed yet: this is the summary of the ledger as it stands now.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="280"/>
        <source>无法生成每日汇总。</source>
        <translation>Could not make the daily summary.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="272"/>
        <location filename="../../desktop/registers/summary.py" line="280"/>
        <location filename="../../desktop/registers/summary.py" line="405"/>
        <location filename="../../desktop/registers/summary.py" line="566"/>
        <source>没有修改任何数据。</source>
        <translation>Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="227"/>
        <source>已由 %1 于 %2（UTC+8；%3 UTC）签署；当日记录已锁定，导出的是签署时的文件。</source>
        <translation>Signed by %1 at %2 (UTC+8; %3 UTC); the day is locked, and the exports are the files as signed.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="235"/>
        <source>注意：数据库中保存的当日计数与体温记录不符（可能被直接改动），以下数字已按体温记录重新计数；签署和导出的汇总均按体温记录计数。请检查谁能直接修改数据库。</source>
        <translation>Warning: the day&apos;s counts kept in the database do not match its readings (they may have been changed by hand); the figures below were counted again from the readings, as a signed or exported summary always is. Check who can change the database directly.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="272"/>
        <source>无法核对每日汇总的计数。</source>
        <translation>The daily summary&apos;s counts could not be checked.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="273"/>
        <source>正在核对计数……</source>
        <translation>Checking the counts…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="291"/>
        <source>缺测（%1）</source>
        <translation>Missing (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="292"/>
        <source>发热或有症状（%1 人次）</source>
        <translation>Fever or symptoms (%1 readings)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="293"/>
        <source>观察中（%1）</source>
        <translation>Under observation (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="391"/>
        <source>正在读取名单……</source>
        <translation>Reading the list…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="405"/>
        <source>无法读取名单。</source>
        <translation>The list could not be read.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="413"/>
        <source>居家观察</source>
        <translation>home observation</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="413"/>
        <source>集中观察</source>
        <translation>centralised observation</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="424"/>
        <source>#%1 %2：缺%3</source>
        <translation>#%1 %2: missing %3</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="472"/>
        <source>零报告</source>
        <translation>Zero report</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="472"/>
        <source>观察期至</source>
        <translation>observation until</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="473"/>
        <source>今日返岗</source>
        <translation>Back at work today</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="473"/>
        <source>下一步</source>
        <translation>Next steps</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="480"/>
        <source>在册</source>
        <translation>On the roster</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="481"/>
        <source>在岗</source>
        <translation>On site</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="482"/>
        <source>上午已测</source>
        <translation>Checked in the morning</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="483"/>
        <source>下午已测</source>
        <translation>Checked in the afternoon</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="484"/>
        <source>缺测</source>
        <translation>Missing a reading</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="485"/>
        <source>观察中</source>
        <translation>Under observation</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="410"/>
        <source>上午</source>
        <translation>morning</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="410"/>
        <source>下午</source>
        <translation>afternoon</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="497"/>
        <source>观察期未满即在岗（BJTG 三）</source>
        <translation>On site before the observation ended (BJTG 3)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="524"/>
        <source>每日汇总 %1</source>
        <translation>Daily summary %1</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="526"/>
        <source>签署每日汇总</source>
        <translation>Sign the daily summary</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="528"/>
        <source>当日汇总负责人签署</source>
        <translation>Sign-off of the day&apos;s summary by the person in charge</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="530"/>
        <source>负责人确认当日测温、缺测、发热及症状、医学观察的汇总真实、完整，并锁定当日记录</source>
        <translation>The person in charge confirms the day&apos;s summary (checks, missing readings, fevers and symptoms, observation) is true and complete, and locks the day&apos;s records</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="534"/>
        <source>本人作为负责人签署，确认当日汇总（测温、缺测、发热及症状、医学观察）真实、完整。签署后当日记录即被锁定，不能再修改；之后的任何改动都会被验证发现。</source>
        <translation>I sign as the person in charge and confirm that the day&apos;s summary (checks, missing readings, fevers and symptoms, observation) is true and complete. Once signed, the day&apos;s records are locked and cannot be changed; any later change is found by verification.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="552"/>
        <source>导出每日汇总 PDF</source>
        <translation>Export the daily summary as PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="552"/>
        <source>导出每日汇总工作簿</source>
        <translation>Export the daily summary as a workbook</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="553"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="553"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="566"/>
        <source>每日汇总未能导出。</source>
        <translation>The daily summary was not exported.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="567"/>
        <source>正在导出每日汇总……</source>
        <translation>Exporting the daily summary…</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/summary.py" line="571"/>
        <source>已导出：%1</source>
        <translation>Exported: %1</translation>
    </message>
</context>
<context>
    <name>UseModel</name>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="57"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="58"/>
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="59"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="60"/>
        <source>区域</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="61"/>
        <source>体温 °C</source>
        <translation>°C</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="62"/>
        <source>症状</source>
        <translation>Symptoms</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="63"/>
        <source>报告疾控</source>
        <translation>CDC told</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="64"/>
        <source>就医去向</source>
        <translation>Referred to</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="65"/>
        <source>待办</source>
        <translation>To do</translation>
    </message>
    <message>
        <location filename="../../desktop/registers/isolation.py" line="86"/>
        <source>完成</source>
        <translation>done</translation>
    </message>
</context>
</TS>
