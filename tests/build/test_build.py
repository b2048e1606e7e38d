"""The one-folder application as a plant installs it: built with ``.ci/build``, then run as programs.

The build runs once for the module (a few minutes), into a temporary folder. Then the built programs are run
the way a safety officer's PC runs them, with no virtual environment: ``fugong-gui`` starts offscreen until
its window is ready and quits; ``fugong`` creates the accounts, imports an exchange file, signs, exports a
PDF and a workbook and verifies them, and poppler checks the PDF from outside (fonts embedded, signatures
valid against the company authority). What only the venv can do here is making the sample exchange file and
completing the inspection (the command has no ``complete``): both through the same service layer.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from storage import inspections
from storage.db import open_database
from storage.exchange import export_document, write_json
from tests.conftest import REPO
from tests.storage import helpers

pytestmark = pytest.mark.build

EXE = ".exe" if sys.platform == "win32" else ""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder ``.ci/build`` makes, built now; or, while working on these tests, one built before
    (``FUGONG_TEST_BUILT=dist/fugong``)."""
    if os.environ.get("FUGONG_TEST_BUILT"):
        return Path(os.environ["FUGONG_TEST_BUILT"]).resolve()
    dist = tmp_path_factory.mktemp("dist")
    work = tmp_path_factory.mktemp("pyinstaller-work")
    done = subprocess.run(
        ["bash", str(REPO / ".ci" / "build")],
        env=dict(os.environ, FUGONG_DIST=str(dist), FUGONG_BUILD_WORK=str(work)),
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
    return dist / "fugong"


def _environment(home: Path, **extra: str) -> dict[str, str]:
    """A user with nothing installed: no venv on the PATH, their own data and settings folders."""
    kept = {key: value for key, value in os.environ.items() if key in ("PATH", "LANG", "LC_ALL", "SYSTEMROOT")}
    kept["PATH"] = os.pathsep.join(p for p in kept.get("PATH", "").split(os.pathsep) if ".venv" not in p)
    return dict(
        kept,
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        FUGONG_CONFIG_DIR=str(home / "fugong-config"),
        QT_QPA_PLATFORM="offscreen",
        **extra,
    )


def test_the_folder_holds_both_programs_the_data_and_only_the_qt_it_uses(built: Path) -> None:
    assert (built / f"fugong{EXE}").is_file() and (built / f"fugong-gui{EXE}").is_file()
    size = sum(p.lstat().st_size for p in built.rglob("*") if not p.is_symlink() and p.is_file())
    # 200 MB, decimal, as the issue writes it (bench/bench_build.py prints both; 193.8 MB = 184.8 MiB on
    # 2026-11-30, down from 201.9 MB once PyInstaller's setuptools and import-linter's rich were left out)
    assert size <= 200_000_000, f"the folder has {size / 1e6:.1f} MB, the goal is ≤ 200 MB"
    internal = built / "_internal"
    resources = internal / "resources"
    assert {p.stem for p in (resources / "catalogs").glob("*.toml")} == {"gn", "bjhq", "bjtg", "nhc", "lk28", "bj4f"}
    assert any((resources / "catalogs" / "archive").iterdir())
    assert len(list((resources / "texts").glob("*.txt"))) == 7
    assert (resources / "fonts" / "DroidSansFallbackFull.ttf").is_file()
    assert (resources / "translations" / "fugong_en.qm").is_file()
    assert (resources / "translations" / "qt_extra_zh_CN.qm").is_file()
    assert not list(resources.rglob("*.ts")), "translation sources are not shipped"
    assert (resources / "icons" / "app.svg").is_file()
    migrations = internal / "storage" / "migrations"
    assert (migrations / "env.py").is_file() and (migrations / "script.py.mako").is_file()
    shipped = {p.name for p in (migrations / "versions").glob("*.py")}
    assert shipped == {p.name for p in (REPO / "storage" / "migrations" / "versions").glob("*.py")}
    qt_translations = [p.name for p in internal.rglob("*.qm") if "PySide6" in p.parts]
    assert "qtbase_zh_CN.qm" in qt_translations
    assert all(name.startswith("qtbase_zh_CN") for name in qt_translations), qt_translations
    names = [p.name for p in internal.rglob("*")]
    unused_parts = ("Qml", "Quick", "WebEngine", "3DCore", "Multimedia", "QtPdf", "libgtk", "qgtk", "cairo", "vnc")
    unused_parts += ("readline",)
    for unused in (*unused_parts, "avif"):
        assert not [name for name in names if unused in name], f"{unused} is in the folder"


def test_the_programs_carry_no_build_tool_and_only_the_runtime_hooks_they_need(built: Path) -> None:
    """What runs before the application at every start: PyInstaller's runtime hooks, from the program's
    archive. Those of setuptools and pkg_resources imported both at each start (0.3 to 0.5 s of CPU, most
    of what made the built application start slower than the venv); nothing here needs either."""
    from PyInstaller.archive.readers import CArchiveReader

    program = CArchiveReader(str(built / f"fugong{EXE}"))
    hooks = {name for name, entry in program.toc.items() if entry[-1] == "s" and name.startswith("pyi_rth_")}
    assert "pyi_rth_pyside6" in hooks, hooks  # the Qt plugin path
    assert not hooks & {"pyi_rth_pkgres", "pyi_rth_setuptools", "pyi_rth_multiprocessing"}, hooks
    modules = set(program.open_embedded_archive("PYZ.pyz").toc)
    assert {"desktop.app", "desktop.main_window", "storage.db", "export.pades", "checklist.catalog"} <= modules
    unused = {"setuptools", "pkg_resources", "_distutils_hack", "distutils", "rich", "pygments", "readline"}
    assert not {name.split(".")[0] for name in modules} & unused


def test_the_built_window_starts_until_it_is_ready(built: Path, tmp_path: Path) -> None:
    database = tmp_path / "fugong.sqlite3"
    done = subprocess.run(
        [str(built / f"fugong-gui{EXE}"), "--db", f"sqlite:///{database}"],
        env=_environment(tmp_path, FUGONG_EXIT_WHEN_READY="loaded"),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    # ready once the database is open: a new one, created by the built Alembic migrations, asks for the company
    assert "FUGONG_READY setup" in done.stdout.splitlines(), done.stdout + done.stderr
    assert "Traceback" not in done.stderr and "Could not" not in done.stderr, done.stderr
    assert database.exists()


def test_the_built_command_imports_signs_exports_and_verifies(built: Path, tmp_path: Path) -> None:
    # The exchange file: an answered inspection written by the venv's code, as another computer would send it.
    sample = open_database(f"sqlite:///{tmp_path / 'sample.sqlite3'}")
    inspection_id, _ = helpers.answered(sample)
    exchange = tmp_path / "检查.json"
    write_json(exchange, export_document(sample, inspection_id))
    sample.close()

    url = f"sqlite:///{tmp_path / 'plant.sqlite3'}"
    env = _environment(tmp_path / "home")

    def fugong(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(built / f"fugong{EXE}"), "--db", url, *args],
            input=stdin,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )

    done = fugong("catalogs", "list")
    assert done.returncode == 0 and [line.split()[0] for line in done.stdout.splitlines()[1:]] == [
        "GN",
        "BJHQ",
        "BJTG",
        "NHC",
        "LK28",
        "BJ4F",
    ], done.stderr
    assert fugong("users", "add", "王经理", "--role", "manager", stdin="manager-secret\n").returncode == 0
    done = fugong(
        "users", "add", "张三", "--role", "officer", "--by", "王经理", stdin="officer-secret\nmanager-secret\n"
    )
    assert done.returncode == 0, done.stderr
    done = fugong("import", str(exchange), "--user", "张三", stdin="officer-secret\n")
    assert done.returncode == 0, done.stderr
    imported = int(done.stdout.strip())

    plant = open_database(url)
    inspections.complete(plant, "张三", imported, None)  # the window's 完成检查
    plant.close()

    done = fugong("sign", str(imported), "--user", "张三", "--meaning", "inspector", stdin="officer-secret\n")
    assert done.returncode == 0, done.stderr
    done = fugong("sign", str(imported), "--user", "王经理", "--meaning", "approver", stdin="manager-secret\n")
    assert done.returncode == 0, done.stderr
    pdf, xlsx, trust = tmp_path / "报告.pdf", tmp_path / "报告.xlsx", tmp_path / "trust.pem"
    done = fugong("export", str(imported), "--pdf", str(pdf), "--xlsx", str(xlsx))
    assert done.returncode == 0, done.stderr
    assert pdf.read_bytes().startswith(b"%PDF") and xlsx.read_bytes().startswith(b"PK")
    assert (tmp_path / "报告.xlsx.p7s").is_file()
    for report in (pdf, xlsx):
        done = fugong("verify", str(report))
        assert done.returncode == 0 and "FAIL" not in done.stdout, done.stdout + done.stderr
    assert fugong("trust", "export", str(trust)).returncode == 0
    done = fugong("verify", str(pdf), "--trust", str(trust))
    assert done.returncode == 0 and "trust anchor: the trust file trust.pem" in done.stdout, done.stdout

    # A report changed after signing: the built verifier says so.
    tampered = tmp_path / "改过.pdf"
    data = bytearray(pdf.read_bytes())
    data[len(data) // 3] ^= 0x01
    tampered.write_bytes(bytes(data))
    assert fugong("verify", str(tampered), "--trust", str(trust)).returncode != 0

    # From outside: poppler reads the fonts and checks both signatures against the company authority.
    for tool in ("pdffonts", "pdfsig", "certutil"):
        assert shutil.which(tool), f"{tool} is missing: poppler-utils and libnss3-tools come with .ci/setup --dev"
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows), fonts
    nss = tmp_path / "nss"
    nss.mkdir()
    subprocess.run(["certutil", "-N", "-d", f"sql:{nss}", "--empty-password"], check=True)
    pems = [p for p in trust.read_text(encoding="ascii").split("-----END CERTIFICATE-----") if "BEGIN" in p]
    for index, pem in enumerate(pems):
        cert = tmp_path / f"c{index}.pem"
        cert.write_text(pem.strip() + "\n-----END CERTIFICATE-----\n", encoding="ascii")
        subprocess.run(
            ["certutil", "-A", "-d", f"sql:{nss}", "-n", f"c{index}", "-t", "CT,C,C", "-i", str(cert)], check=True
        )
    out = subprocess.run(["pdfsig", "-nssdir", f"sql:{nss}", str(pdf)], capture_output=True, text=True).stdout
    assert out.count("Signature Validation: Signature is Valid.") == 2, out
    assert out.count("Certificate Validation: Certificate is Trusted.") == 2, out
