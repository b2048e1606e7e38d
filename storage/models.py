"""SQLAlchemy ORM models. Every table of user data is audited (see :mod:`storage.audit`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from checklist.workflow import ActionStatus, InspectionStatus


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class Company(Base):
    __tablename__ = "companies"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    credit_code: Mapped[str] = mapped_column(String(18), unique=True)
    address: Mapped[str] = mapped_column(String(400), default="")
    district: Mapped[str] = mapped_column(String(100), default="")
    company_type: Mapped[str] = mapped_column(String(30))
    headcount: Mapped[int] = mapped_column(Integer, default=0)
    contact: Mapped[str] = mapped_column(String(200), default="")
    # The logo printed on reports (storage.logo: a PNG re-encoded here, at most LOGO_SIDE px), or None.
    # Deferred: read only when asked for (storage.logo.company_logo, the report), not with every company.
    logo_png: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True, default=None, deferred=True)

    sites: Mapped[list[Site]] = relationship(back_populates="company", order_by="Site.id")


class Site(Base):
    """A place of a company: plant, dormitory building, canteen …"""

    __tablename__ = "sites"

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="RESTRICT"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(50), default="")

    company: Mapped[Company] = relationship(back_populates="sites")


class User(Base):
    """A local account. ``password_hash`` is argon2id; ``pkcs12`` holds the signing key sealed with the user's
    password (a ``fugong.key/1`` envelope, argon2id + AES-GCM; databases made before schema 0006 may still
    hold a PKCS#12 until the account next signs or changes its password), so only the user can sign.
    ``certificate_pem`` is the account's certificate, issued by the company's signing authority."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    password_hash: Mapped[str] = mapped_column(String(200), default="")
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    last_failed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    certificate_pem: Mapped[str] = mapped_column(Text, default="")
    pkcs12: Mapped[bytes | None] = mapped_column(LargeBinary)
    # False once disabled (someone left): no login, no change in this name. Kept, not deleted: the audit
    # trail and the signatures name the account, and its certificate stays trusted for what it signed.
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())


class Inspection(Base):
    """One self-inspection. ``version`` is the optimistic-locking counter: a save that carries an old
    version is refused (two clients editing the same inspection)."""

    __tablename__ = "inspections"

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="RESTRICT"))
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id", ondelete="RESTRICT"))
    date: Mapped[dt.date] = mapped_column(Date)
    inspector: Mapped[str] = mapped_column(String(100))
    catalogs: Mapped[dict[str, Any]] = mapped_column(JSON)  # {"GN": "1.0.0", ...}, in chosen order
    status: Mapped[str] = mapped_column(String(12), default=InspectionStatus.DRAFT)  # draft → completed → signed
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("inspections.id", ondelete="RESTRICT"))
    record_hash: Mapped[str | None] = mapped_column(String(64))
    completed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # The company and site as they were when the record was completed (storage.record.company_part): what its
    # hash vouches for, so that editing 企业信息 later never makes a signed record read as altered. None for a
    # draft, and for records completed before schema 0015 (their hash reads the live company).
    company_snapshot: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    signed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # Denormalised for the list view (refreshed on every save): passed/failed/na/unchecked, open actions.
    passed: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    na: Mapped[int] = mapped_column(Integer, default=0)
    unchecked: Mapped[int] = mapped_column(Integer, default=0)
    open_actions: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    company: Mapped[Company] = relationship()
    site: Mapped[Site | None] = relationship()
    responses: Mapped[list[ItemResponse]] = relationship(
        back_populates="inspection", cascade="all, delete-orphan", order_by="ItemResponse.position"
    )
    rooms: Mapped[list[DormitoryRoomRow]] = relationship(
        back_populates="inspection", cascade="all, delete-orphan", order_by="DormitoryRoomRow.position"
    )
    evidence: Mapped[list[Evidence]] = relationship(
        back_populates="inspection", cascade="all, delete-orphan", order_by="Evidence.id"
    )
    actions: Mapped[list[CorrectiveAction]] = relationship(
        back_populates="inspection", cascade="all, delete-orphan", order_by="CorrectiveAction.id"
    )

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        Index("ix_inspections_site_date", "site_id", "date"),
        Index("ix_inspections_status_date", "status", "date"),
        Index("ix_inspections_date", "date"),
        Index("ix_inspections_company", "company_id"),
    )


class ItemResponse(Base):
    """The answer to one checklist item. ``result`` is what the officer chose (None: left to the rules),
    ``derived`` what the rules say, ``final`` what counts."""

    __tablename__ = "item_responses"

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspections.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    item_id: Mapped[str] = mapped_column(String(20))
    result: Mapped[str | None] = mapped_column(String(4))
    derived: Mapped[str | None] = mapped_column(String(4))
    final: Mapped[str | None] = mapped_column(String(4))
    measurements: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    findings: Mapped[list[Any] | None] = mapped_column(JSON)
    override_reason: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")

    inspection: Mapped[Inspection] = relationship(back_populates="responses")

    __table_args__ = (UniqueConstraint("inspection_id", "item_id"),)


class DormitoryRoomRow(Base):
    __tablename__ = "dormitory_rooms"

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspections.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(100))
    area_m2: Mapped[float] = mapped_column(Float)
    occupants: Mapped[int] = mapped_column(Integer)
    location: Mapped[str] = mapped_column(String(20), default="above_ground")
    has_window: Mapped[bool] = mapped_column(Boolean, default=True)
    bunk_beds: Mapped[bool] = mapped_column(Boolean, default=False)

    inspection: Mapped[Inspection] = relationship(back_populates="rooms")


class Evidence(Base):
    """A photo or document attached to an item. ``original_sha256`` is the hash of the file as given;
    ``data`` may be a downscaled copy (large photos), whose own hash is ``stored_sha256``."""

    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspections.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[str] = mapped_column(String(20))
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    original_sha256: Mapped[str] = mapped_column(String(64))
    original_size: Mapped[int] = mapped_column(Integer)
    stored_sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    # A small JPEG for reports, made once when the photo is attached (None for documents).
    thumbnail: Mapped[bytes | None] = mapped_column(LargeBinary)
    thumbnail_width: Mapped[int | None] = mapped_column(Integer)
    thumbnail_height: Mapped[int | None] = mapped_column(Integer)
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    inspection: Mapped[Inspection] = relationship(back_populates="evidence")


class CorrectiveAction(Base):
    __tablename__ = "corrective_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspections.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[str] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(100))
    due: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), default=ActionStatus.OPEN)  # open / done / verified
    verification_note: Mapped[str] = mapped_column(Text, default="")
    verified_on: Mapped[dt.date | None] = mapped_column(Date)
    done_by: Mapped[str | None] = mapped_column(String(100))  # who recorded it 已整改 in the draft

    inspection: Mapped[Inspection] = relationship(back_populates="actions")


class ActionFollowUp(Base):
    """Progress on a corrective action recorded after its inspection was completed or signed: the signed
    record stays as it was signed, and what was done about its findings is added beside it (append-only)."""

    __tablename__ = "action_follow_ups"

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("corrective_actions.id", ondelete="RESTRICT"), index=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspections.id", ondelete="RESTRICT"), index=True)
    status: Mapped[str] = mapped_column(String(10))  # done / verified
    note: Mapped[str] = mapped_column(Text, default="")
    on: Mapped[dt.date] = mapped_column(Date)  # when it was done or verified
    by: Mapped[str] = mapped_column(String(100))
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    chain_hash: Mapped[str | None] = mapped_column(String(64))  # storage.chain: onto the previous follow-up


class AuditEntry(Base):
    """Append-only, hash-chained record of every change to user data."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(10))  # insert / update / delete / sign / complete …
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[int | None] = mapped_column(Integer)
    inspection_id: Mapped[int | None] = mapped_column(Integer, index=True)
    old: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    new: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """One row: the chain's last sequence number and hash. Updating it first serialises writers, so two
    transactions can never append entries with the same predecessor."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    hash: Mapped[str] = mapped_column(String(64))


class SignedDayColumns:
    """The columns a signed day of a register shares (the daily summary's ``day_signoffs``, the ventilation and
    disinfection log's ``site_day_signoffs``): the record's SHA-256, who signed it and when, the certificate's
    fingerprint, the CMS signature over the record and the signed PDF."""

    record_hash: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    signer_name: Mapped[str] = mapped_column(String(100))
    signed_at: Mapped[dt.datetime] = mapped_column(DateTime)
    certificate_sha256: Mapped[str] = mapped_column(String(64))
    record_signature: Mapped[bytes] = mapped_column(LargeBinary)
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary)


class Signature(Base):
    """One signer's sign-off of an inspection: who, in what role and meaning, when, and which record hash."""

    __tablename__ = "signatures"

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspections.id", ondelete="RESTRICT"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    signer_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(20))
    meaning: Mapped[str] = mapped_column(String(20))  # inspector (检查人) / approver (单位主要负责人审核)
    signed_at: Mapped[dt.datetime] = mapped_column(DateTime)
    record_hash: Mapped[str] = mapped_column(String(64))
    certificate_sha256: Mapped[str] = mapped_column(String(64))
    record_signature: Mapped[bytes] = mapped_column(LargeBinary)  # CMS (DER) over the canonical record
    image_png: Mapped[bytes | None] = mapped_column(LargeBinary)  # drawn handwritten signature
    statement: Mapped[str | None] = mapped_column(Text)  # what record_signature signs (from schema 0007)

    __table_args__ = (UniqueConstraint("inspection_id", "meaning"),)


class SigningAuthority(Base):
    """The company's signing authority (签名机构): its certificate issues every account's certificate. The
    database is not what makes it trusted: its fingerprint is pinned in this computer's local settings and
    handed to auditors as a trust file (``export.trust``)."""

    __tablename__ = "signing_authority"

    id: Mapped[int] = mapped_column(primary_key=True)
    certificate_pem: Mapped[str] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)  # SHA-256 of the DER certificate
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class AuthorityKey(Base):
    """The authority's private key sealed with one manager's password (argon2id + AES-GCM), one row per
    manager who may issue certificates."""

    __tablename__ = "authority_keys"

    id: Mapped[int] = mapped_column(primary_key=True)
    authority_id: Mapped[int] = mapped_column(ForeignKey("signing_authority.id", ondelete="RESTRICT"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"), unique=True)
    sealed_key: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class AuthorityGrant(Base):
    """A pending copy of the authority key for a newly promoted manager (schema 0011): the promoting manager,
    who had it open, wrapped it to the account's own public key (``export.grants``). At the account's next
    password use it is opened with the account's private key, sealed with its password as an
    :class:`AuthorityKey`, and this row deleted. A demotion or disabling deletes it."""

    __tablename__ = "authority_grants"

    id: Mapped[int] = mapped_column(primary_key=True)
    authority_id: Mapped[int] = mapped_column(ForeignKey("signing_authority.id", ondelete="RESTRICT"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"), unique=True)
    granted_by: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    wrapped_key: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class RevocationList(Base):
    """A certificate revocation list (CRL, DER) the authority signed when a manager disabled an account or
    changed its role (schema 0011). Each is complete (every certificate revoked so far); verification trusts
    one only if the trust anchor signed it, and the trust file carries the latest."""

    __tablename__ = "revocation_lists"

    id: Mapped[int] = mapped_column(primary_key=True)
    authority_id: Mapped[int] = mapped_column(ForeignKey("signing_authority.id", ondelete="RESTRICT"))
    number: Mapped[int] = mapped_column(Integer, unique=True)
    crl_der: Mapped[bytes] = mapped_column(LargeBinary)
    issued_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class ReportFile(Base):
    """The signed report files of an inspection, kept byte for byte so every copy handed out verifies."""

    __tablename__ = "report_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspections.id", ondelete="RESTRICT"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # pdf / xlsx / xlsx.p7s
    data: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (UniqueConstraint("inspection_id", "kind"),)
