"""`payguide draft` through `python -m assistant.cli`: the contract of DESIGN.md."""

from __future__ import annotations

import json
import subprocess
import sys

import openpyxl
import pytest
import yaml
from draft_helpers import EXAMPLES, docx_files, staff_rows

import doc_templates


def _cli(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "assistant.cli", "draft", *args], capture_output=True, text=True,
                          timeout=120, cwd=cwd, check=False)


def test_list_examples_one_per_line():
    done = _cli("--list-examples")
    assert done.returncode == 0
    assert done.stdout.splitlines() == EXAMPLES


def test_example_to_docx_with_json(tmp_path):
    out = tmp_path / "scheme.docx"
    done = _cli("--example", "soe-tech", "-o", str(out), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) == {"path", "notes", "conversion", "chapters", "defaulted", "citations", "findings"}
    assert data["path"] == str(out.resolve()) and out.is_file()
    assert data["notes"] == str(out.resolve().with_name("scheme.编制说明.docx")) and data["conversion"] is None
    assert data["chapters"][0] == "总则" and data["chapters"][-1] == "附件"
    assert "soe_internal/art-11" in data["citations"] and data["findings"] == []


def test_profile_out_then_draft_the_edited_file(tmp_path):
    profile = tmp_path / "profile.yaml"
    done = _cli("--example", "private-manufacturer", "--profile-out", str(profile))
    assert done.returncode == 0, done.stderr
    assert profile.read_text(encoding="utf-8") == doc_templates.example_text("private-manufacturer")
    data = yaml.safe_load(profile.read_text(encoding="utf-8"))
    data["company"]["name"] = "曲靖新星机械有限公司"
    profile.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    done = _cli(str(profile), "-o", str(tmp_path / "new.docx"))
    assert done.returncode == 0, done.stderr
    assert "已生成方案" in done.stdout and "已生成编制说明" in done.stdout and (tmp_path / "new.docx").is_file()


def test_profile_out_as_json(tmp_path):
    target = tmp_path / "p.json"
    assert _cli("--example", "soe-tech", "--profile-out", str(target)).returncode == 0
    assert doc_templates.Profile.from_file(target) == doc_templates.load_example("soe-tech")


def test_default_output_is_named_after_the_company(tmp_path):
    done = _cli("--example", "power-supply-station", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert [p.name for p in docx_files(tmp_path)] == ["示例县供电局城郊供电所薪酬分配方案.docx",
                                                      "示例县供电局城郊供电所薪酬分配方案.编制说明.docx"]


@pytest.mark.parametrize("change", [
    lambda d: d["budget"].update(annual_wage_total=-100),
    lambda d: d["grades"][0].pop("post_wage"),
    lambda d: d["budget"].update(performance_pool=10**12),
    lambda d: d["grades"].reverse(),
])
def test_bad_profile_one_chinese_line_exit_1_nothing_written(tmp_path, change):
    data = doc_templates.load_example("private-manufacturer").model_dump(mode="json", exclude_none=True)
    change(data)
    profile = tmp_path / "bad.yaml"
    profile.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "out" / "scheme.docx"
    done = _cli(str(profile), "-o", str(out), "--json")
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("企业概况有误") and "Traceback" not in done.stderr
    assert not out.exists() and docx_files(tmp_path) == [profile]


@pytest.mark.parametrize("args,expected", [
    (("--example", "no-such"), "没有名为“no-such”的示例"),
    (("/no/such/profile.yaml",), "找不到企业概况文件"),
    ((), "请给出企业概况文件"),
    (("--example", "soe-tech", "-o", "scheme.txt"), ".docx"),
    (("--template", "模板.txt"), ".xlsx"),
])
def test_usage_errors(tmp_path, args, expected):
    done = _cli(*args, cwd=tmp_path)
    assert done.returncode == 1
    assert expected in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert docx_files(tmp_path) == []


def test_template_then_draft_from_the_filled_workbook(tmp_path):
    template = tmp_path / "企业概况.xlsx"
    done = _cli("--template", str(template), "--example", "private-restaurant", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"template": str(template)}
    book = openpyxl.load_workbook(template)
    for row in staff_rows(doc_templates.load_example("private-restaurant"), per_grade=1):
        book["现有职工"].append([row["姓名"], row["部门"], row["现岗位"], row["现工资"], row["工龄"]])
    book.save(template)
    done = _cli(str(template), "-o", str(tmp_path / "方案.docx"), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["conversion"] == str((tmp_path / "方案.套改测算.xlsx").resolve())
    assert [p.name for p in docx_files(tmp_path)] == ["企业概况.xlsx", "方案.docx", "方案.套改测算.xlsx", "方案.编制说明.docx"]


def test_blank_template_is_refused_with_all_required_fields(tmp_path):
    template = tmp_path / "空白.xlsx"
    assert _cli("--template", str(template)).returncode == 0
    done = _cli(str(template), "-o", str(tmp_path / "x.docx"))
    assert done.returncode == 1 and "共 6 处" in done.stderr and "企业名称" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and not (tmp_path / "x.docx").exists()


def _soe_breach(tmp_path):
    data = doc_templates.load_example("power-supply-station").model_dump(mode="json", exclude_none=True)
    data["budget"].update(wage_total_growth=0.09, profit_growth=0.02)
    profile = tmp_path / "breach.yaml"
    profile.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return profile


def test_binding_breach_exits_non_zero_with_the_clause_quoted(tmp_path):
    profile = _soe_breach(tmp_path)
    done = _cli(str(profile), "-o", str(tmp_path / "x.docx"), "--json")
    assert done.returncode == 1 and done.stdout == ""
    assert "第五条" in done.stderr and "薪酬总额的增长低于企业经济效益的增长" in done.stderr
    assert docx_files(tmp_path) == [profile]
    done = _cli(str(profile), "-o", str(tmp_path / "x.docx"), "--json", "--allow-findings")
    assert done.returncode == 0, done.stderr
    findings = json.loads(done.stdout)["findings"]
    assert [(f["rule"], f["severity"], f["label"]) for f in findings] == [("two-lower", "error", "违反")]


def test_staff_option(tmp_path):
    staff = tmp_path / "staff.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["姓名", "部门", "现岗位", "现工资", "工龄"])
    for row in staff_rows(doc_templates.load_example("soe-power"), per_grade=1):
        book.active.append([row["姓名"], row["部门"], row["现岗位"], row["现工资"], row["工龄"]])
    book.save(staff)
    done = _cli("--example", "soe-power", "--staff", str(staff), "-o", str(tmp_path / "p.docx"))
    assert done.returncode == 0, done.stderr
    assert "已生成套改测算" in done.stdout and (tmp_path / "p.套改测算.xlsx").is_file()
