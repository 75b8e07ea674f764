"""Settings of the web service, read from `IMPLEMENTATIE_*` environment variables."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class WebSettings(BaseSettings):
    """Everything the service can be told; each field is also `IMPLEMENTATIE_<NAME>`."""

    model_config = SettingsConfigDict(env_prefix="IMPLEMENTATIE_", frozen=True)

    db: str = "sqlite:///implementatie.db"
    """SQLAlchemy URL: a SQLite file (default) or `postgresql+psycopg://user:pw@host/db`."""
    admin_token: str | None = Field(default=None, min_length=16)
    """Token that lets a coach create rounds; generated and printed at start when not set."""
    base_url: str = ""
    """Public address in links (`https://midi.example.nl`); empty: taken from each request."""
    rate_limit_per_minute: int = Field(default=600, ge=1)
    """Submissions accepted per round per minute, after the burst below (per app instance)."""
    rate_limit_burst: int = Field(default=250, ge=1)
    """Submissions a round accepts at once before the per-minute rate applies."""
    max_body_bytes: int = Field(default=256 * 1024, ge=1024)
    """Requests with a larger body get 413."""
    frame_ancestors: str = ""
    """Sites that may show the respondent pages in a frame (CSP frame-ancestors); empty: none."""
    min_group_size: int = Field(default=5, ge=5)
    """Results appear at this many respondents, and change only in steps of this many."""
    secure_cookies: bool = False
    """Mark cookies Secure: set this when the service is reached over HTTPS."""
