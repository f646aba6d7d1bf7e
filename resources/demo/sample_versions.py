"""The demo's two sample versions (Ver.1.0 invented, Ver.1.1 as published), for the 新旧対照表."""

from __future__ import annotations

import copy
from typing import Any

# ------------------------------------------------------------------------ sample versions
# Seed 000 publishes one state of the plan. So that a new user sees the 新旧対照表 filled in,
# the demo carries two versions: Ver.1.1 is the plan as published, Ver.1.0 an invented
# earlier state (marked as sample in its note). The differences are the kinds a revision
# has: an initiative added, one renamed, reworded text, a moved and a relabelled bar, a
# department renamed.
SAMPLE_NOTE = "サンプル: 新旧対照表の説明のために作った架空の版です（原典の小樽市の方針にはありません）。"


def content(data: dict[str, Any]) -> dict[str, Any]:
    return {k: copy.deepcopy(v) for k, v in data.items() if k not in ("exported_at", "generator", "audit_log",
                                                                          "versions")}


def earlier_state(data: dict[str, Any]) -> dict[str, Any]:
    old = content(data)
    inits = {it["id"]: it for it in old["initiatives"]}
    old["initiatives"] = [it for it in old["initiatives"] if it["id"] != 7]  # 知識・課題の共有促進: new in 1.1
    inits[9]["title"] = "テレワークの推進"
    first = inits[1]["text"]["direction"][0]
    first["text"] = first["text"].replace("オンライン化", "電子化")
    bar = inits[5]["schedule_rows"][0]["bars"][-1]
    bar["start"] = f"{int(bar['start'][:4]) + 1:04d}-04"
    row = inits[2]["schedule_rows"][0]
    row["bars"][0]["label"] = "検討"
    dept = next(d for d in old["departments"] if d["id"] == 2)
    dept["name"] = "情報政策課"
    old["plan"]["formulation_date"] = "令和4年3月"
    return old


