"""What a day record's sign-off stores and stamps (``export.day_sheet.sign_day_pdf`` and ``sign_off_fields``, shared
by the daily summary and the disinfection log): the PDF's signature in its own field with the reason said in
Chinese, and the sign-off row naming the signer, their certificate and the record's hash."""

from __future__ import annotations

import io
from pathlib import Path

from cryptography import x509
from pyhanko.pdf_utils.reader import PdfFileReader
from sqlalchemy import select

from export.crypto import certificate_sha256
from export.ledger_reports import sign_day
from storage.db import Database
from storage.ledger_models import DaySignOff
from storage.models import User
from tests.ledger import test_ledger_reports
from tests.ledger.helpers import DAY

signed = test_ledger_reports.signed  # the daily summary's fixture: accounts with keys, a day of readings


def test_the_signed_summary_names_its_signer_certificate_and_reason(signed: tuple[Database, Path]) -> None:
    db, _ = signed
    done = sign_day(db, DAY, "张安全", test_ledger_reports.PASSWORD, "北京示例制造有限公司")
    [embedded] = PdfFileReader(io.BytesIO(done.files["pdf"])).embedded_signatures
    assert embedded.field_name == "DaySignOff"
    assert str(embedded.sig_object["/Reason"]) == "每日汇总负责人签署"
    with db.session() as session:
        row = session.scalars(select(DaySignOff).where(DaySignOff.day == DAY)).one()
        user = session.scalars(select(User).where(User.name == "张安全")).one()
        certificate = x509.load_pem_x509_certificates(user.certificate_pem.encode("ascii"))[0]
        assert (row.signer_name, row.user_id, row.record_hash) == ("张安全", user.id, done.record_hash)
        assert row.certificate_sha256 == certificate_sha256(certificate)
        assert row.pdf == done.files["pdf"] and row.record_signature  # verify_day checks the CMS itself
