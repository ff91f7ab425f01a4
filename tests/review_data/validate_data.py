"""Check the review data set: every expected.json parses and has the agreed shape, every clause id
exists in the knowledge base, every evidence string is an exact substring of its scheme's text
(for .docx: of one paragraph's or one table cell's text), and no must_not contradicts a finding.

Run from the repository root:  PYTHONPATH=$PWD python tests/review_data/validate_data.py
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCHEME_EXT = (".md", ".txt", ".docx")


def scheme_texts(path: Path) -> list[str]:
    """The pieces of text an evidence string must fall inside."""
    if path.suffix == ".docx":
        import docx

        doc = docx.Document(str(path))
        pieces = [p.text for p in doc.paragraphs]
        for table in doc.tables:
            for row in table.rows:
                for cell in row.cells:
                    pieces.append(cell.text)
        return pieces
    return [path.read_text(encoding="utf-8")]


def main() -> int:
    import knowledge

    errors: list[str] = []
    n_schemes = 0
    for split in ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "heldout"):
        for exp in sorted((HERE / split).glob("*.expected.json")):
            stem = exp.name[: -len(".expected.json")]
            schemes = [exp.with_name(stem + ext) for ext in SCHEME_EXT if exp.with_name(stem + ext).exists()]
            if len(schemes) != 1:
                errors.append(f"{exp}: expected exactly one scheme file beside it, found {len(schemes)}")
                continue
            n_schemes += 1
            try:
                data = json.loads(exp.read_text(encoding="utf-8"))
            except json.JSONDecodeError as e:
                errors.append(f"{exp}: {e}")
                continue
            if data.get("ownership") not in ("国有", "非公"):
                errors.append(f"{exp}: ownership {data.get('ownership')!r}")
            if data.get("region") not in ("曲靖", "其他", None):
                errors.append(f"{exp}: region {data.get('region')!r}")
            texts = scheme_texts(schemes[0])
            found = set()
            for f in data.get("findings", []):
                if set(f) != {"clause", "severity", "problem", "evidence"}:
                    errors.append(f"{exp}: finding keys {sorted(f)}")
                if f.get("severity") not in ("违反", "提醒"):
                    errors.append(f"{exp}: severity {f.get('severity')!r}")
                if knowledge.get_unit(f["clause"]) is None:
                    errors.append(f"{exp}: unknown clause {f['clause']}")
                if not f.get("evidence") or not any(f["evidence"] in t for t in texts):
                    errors.append(f"{exp}: evidence not in scheme: {f.get('evidence')!r}")
                found.add((f["clause"], f["severity"]))
            for m in data.get("must_not", []):
                if set(m) != {"clause", "severity", "why"}:
                    errors.append(f"{exp}: must_not keys {sorted(m)}")
                if knowledge.get_unit(m["clause"]) is None:
                    errors.append(f"{exp}: unknown must_not clause {m['clause']}")
                if (m["clause"], m["severity"]) in found:
                    errors.append(f"{exp}: must_not {m['clause']} {m['severity']} contradicts a finding")
    for e in errors:
        print(e)
    print(f"{n_schemes} schemes checked, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
