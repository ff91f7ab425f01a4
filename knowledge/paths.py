"""Where PayGuide keeps its data: a platformdirs user data directory, or `PAYGUIDE_HOME`."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
SOURCES_DIR = PACKAGE_DIR / "sources"


def data_home() -> Path:
    configured = os.environ.get("PAYGUIDE_HOME")
    if configured:
        home = Path(configured).expanduser()
    else:
        from platformdirs import user_data_dir

        home = Path(user_data_dir("payguide", appauthor=False))
    home.mkdir(parents=True, exist_ok=True)
    return home


def index_dir() -> Path:
    path = data_home() / "index"
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_docs_dir() -> Path:
    path = data_home() / "documents"
    path.mkdir(parents=True, exist_ok=True)
    return path
