"""The sample company profiles shipped with the package (`payguide draft --list-examples`)."""

from __future__ import annotations

from pathlib import Path

from .errors import ProfileError
from .profile import Profile

EXAMPLES_DIR = Path(__file__).with_name("examples")


def list_examples() -> list[str]:
    """Sample names, e.g. ["power-supply-station", "private-manufacturer", "soe-tech"]."""
    return sorted(p.stem for p in EXAMPLES_DIR.glob("*.yaml"))


def example_path(name: str) -> Path:
    if name not in list_examples():
        raise ProfileError(f"没有名为“{name}”的示例。可用示例：{'、'.join(list_examples())}")
    return EXAMPLES_DIR / f"{name}.yaml"


def example_text(name: str) -> str:
    """The sample as shipped, comments included, for the user to edit."""
    return example_path(name).read_text(encoding="utf-8")


def load_example(name: str) -> Profile:
    return Profile.from_file(example_path(name))
