"""Reading the reviewed YAML files (synonyms, expansions, gate, catalogue)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

# libyaml's loader reads the same data about seven times faster than the pure-Python one:
# the expansions file alone cost a cold `payguide search` 0.07 s
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
