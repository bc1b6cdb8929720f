"""Districts, policy versions, audit log, hashed API keys, hashed roster, outcome counts.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "districts",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("policy_number", sa.Integer, nullable=False),
        sa.Column("roster_salt", sa.String(64), nullable=False),
        sa.Column("roster_generation", sa.Integer, nullable=False),
        sa.Column("collect_outcome_counts", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "policy_versions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("district_id", sa.String(64), sa.ForeignKey("districts.id"), nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("document", sa.Text, nullable=False),
        sa.Column("author", sa.String(128), nullable=False),
        sa.Column("note", sa.String(256), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("district_id", "number"),
    )
    op.create_index("ix_policy_versions_district_id", "policy_versions", ["district_id"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("district_id", sa.String(64), sa.ForeignKey("districts.id"), nullable=False),
        sa.Column("actor", sa.String(128), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("field", sa.String(256), nullable=False),
        sa.Column("old", sa.Text, nullable=False),
        sa.Column("new", sa.Text, nullable=False),
        sa.Column("policy_number", sa.Integer, nullable=True),
    )
    op.create_index("ix_audit_log_district_id", "audit_log", ["district_id"])
    op.create_table(
        "api_keys",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("district_id", sa.String(64), sa.ForeignKey("districts.id"), nullable=False),
        sa.Column("name", sa.String(128), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("prefix", sa.String(16), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_api_keys_district_id", "api_keys", ["district_id"])
    op.create_table(
        "roster_entries",
        sa.Column("district_id", sa.String(64), sa.ForeignKey("districts.id"), primary_key=True),
        sa.Column("kind", sa.String(8), primary_key=True),
        sa.Column("digest", sa.String(64), primary_key=True),
    )
    op.create_table(
        "outcome_counts",
        sa.Column("district_id", sa.String(64), sa.ForeignKey("districts.id"), primary_key=True),
        sa.Column("code", sa.String(16), primary_key=True),
        sa.Column("outcome", sa.String(16), primary_key=True),
        sa.Column("policy_version", sa.String(64), primary_key=True),
        sa.Column("count", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    for table in (
        "outcome_counts",
        "roster_entries",
        "api_keys",
        "audit_log",
        "policy_versions",
        "districts",
    ):
        op.drop_table(table)
