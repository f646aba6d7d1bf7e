"""Names from the lower layers that the UI shows, marked for translation in one place.

The lower layers (publish, formats, plan, store) hold their names in Japanese and import
no Qt. The dialogs show them through ``self.tr(name)``; lupdate cannot see a variable, so
each name is listed here once. The translator that answers by source text
(:mod:`dxeditor.ui.i18n`) finds them whatever context asks. A test checks that every
name of those tables has an English translation.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

LOWER_LAYER_NAMES = (
    # publish/pdf/export.py KINDS and ui/pdf_dialogs.py choices
    QT_TRANSLATE_NOOP("LowerLayer", "工程表"),
    QT_TRANSLATE_NOOP("LowerLayer", "取組シート"),
    QT_TRANSLATE_NOOP("LowerLayer", "計画書"),
    QT_TRANSLATE_NOOP("LowerLayer", "自動（工程表は A3、ほかは A4）"),
    QT_TRANSLATE_NOOP("LowerLayer", "計画の設定に従う"),
    QT_TRANSLATE_NOOP("LowerLayer", "令和4年度, 5年度 …"),
    QT_TRANSLATE_NOOP("LowerLayer", "令和5年度"),
    QT_TRANSLATE_NOOP("LowerLayer", "令和5(2023)年度"),
    QT_TRANSLATE_NOOP("LowerLayer", "2023年度"),
    QT_TRANSLATE_NOOP("LowerLayer", "年度"),
    QT_TRANSLATE_NOOP("LowerLayer", "半期"),
    QT_TRANSLATE_NOOP("LowerLayer", "四半期"),
    QT_TRANSLATE_NOOP("LowerLayer", "月"),
    # formats/xlsx/write/export.py SHEETS
    QT_TRANSLATE_NOOP("LowerLayer", "取組一覧"),
    QT_TRANSLATE_NOOP("LowerLayer", "成果目標"),
    QT_TRANSLATE_NOOP("LowerLayer", "担当課別"),
    QT_TRANSLATE_NOOP("LowerLayer", "用語集"),
    # year styles (plan/ops/plan_meta.py, ui/excel_dialogs.py)
    QT_TRANSLATE_NOOP("LowerLayer", "令和4年度 5年度（先頭のみ元号）"),
    QT_TRANSLATE_NOOP("LowerLayer", "5年度（先頭のみ元号）"),
    # bar patterns (plan/ops/plan_meta.py PATTERN_NAMES)
    QT_TRANSLATE_NOOP("LowerLayer", "塗りつぶし"),
    QT_TRANSLATE_NOOP("LowerLayer", "斜線"),
    QT_TRANSLATE_NOOP("LowerLayer", "格子（斜め）"),
    QT_TRANSLATE_NOOP("LowerLayer", "点"),
    QT_TRANSLATE_NOOP("LowerLayer", "横線"),
    QT_TRANSLATE_NOOP("LowerLayer", "縦線"),
    QT_TRANSLATE_NOOP("LowerLayer", "枠線のみ"),
    # store/models.py NATIONAL_CATEGORIES, PROGRESS_STATUSES, TEXT_BLOCK_NAMES, DEFAULT_PHASES
    QT_TRANSLATE_NOOP("LowerLayer", "推進体制の構築"),
    QT_TRANSLATE_NOOP("LowerLayer", "重点取組事項"),
    QT_TRANSLATE_NOOP("LowerLayer", "自治体DXの取組とあわせて取り組むデジタル社会の実現に向けた取組"),
    QT_TRANSLATE_NOOP("LowerLayer", "必要に応じ実施を検討する取組"),
    QT_TRANSLATE_NOOP("LowerLayer", "未着手"),
    QT_TRANSLATE_NOOP("LowerLayer", "順調"),
    QT_TRANSLATE_NOOP("LowerLayer", "完了"),
    QT_TRANSLATE_NOOP("LowerLayer", "遅延"),
    QT_TRANSLATE_NOOP("LowerLayer", "中止"),
    QT_TRANSLATE_NOOP("LowerLayer", "現状と課題"),
    QT_TRANSLATE_NOOP("LowerLayer", "取組の方向性"),
    QT_TRANSLATE_NOOP("LowerLayer", "取組内容"),
    QT_TRANSLATE_NOOP("LowerLayer", "検討"),
    QT_TRANSLATE_NOOP("LowerLayer", "準備・構築"),
    QT_TRANSLATE_NOOP("LowerLayer", "実施"),
    QT_TRANSLATE_NOOP("LowerLayer", "継続"),
    QT_TRANSLATE_NOOP("LowerLayer", "その他"),
    # ui/sdgs.py SDG_NAMES (the goals' short names)
    QT_TRANSLATE_NOOP("LowerLayer", "貧困をなくそう"),
    QT_TRANSLATE_NOOP("LowerLayer", "飢餓をゼロに"),
    QT_TRANSLATE_NOOP("LowerLayer", "すべての人に健康と福祉を"),
    QT_TRANSLATE_NOOP("LowerLayer", "質の高い教育をみんなに"),
    QT_TRANSLATE_NOOP("LowerLayer", "ジェンダー平等を実現しよう"),
    QT_TRANSLATE_NOOP("LowerLayer", "安全な水とトイレを世界中に"),
    QT_TRANSLATE_NOOP("LowerLayer", "エネルギーをみんなに そしてクリーンに"),
    QT_TRANSLATE_NOOP("LowerLayer", "働きがいも経済成長も"),
    QT_TRANSLATE_NOOP("LowerLayer", "産業と技術革新の基盤をつくろう"),
    QT_TRANSLATE_NOOP("LowerLayer", "人や国の不平等をなくそう"),
    QT_TRANSLATE_NOOP("LowerLayer", "住み続けられるまちづくりを"),
    QT_TRANSLATE_NOOP("LowerLayer", "つくる責任 つかう責任"),
    QT_TRANSLATE_NOOP("LowerLayer", "気候変動に具体的な対策を"),
    QT_TRANSLATE_NOOP("LowerLayer", "海の豊かさを守ろう"),
    QT_TRANSLATE_NOOP("LowerLayer", "陸の豊かさも守ろう"),
    QT_TRANSLATE_NOOP("LowerLayer", "平和と公正をすべての人に"),
    QT_TRANSLATE_NOOP("LowerLayer", "パートナーシップで目標を達成しよう"),
    # ui/initiative_form.py SECTION_KIND_NAMES
    QT_TRANSLATE_NOOP("LowerLayer", "基本方針"),
    QT_TRANSLATE_NOOP("LowerLayer", "柱"),
    QT_TRANSLATE_NOOP("LowerLayer", "グループ"),
    # plan/ops/departments.py KINDS
    QT_TRANSLATE_NOOP("LowerLayer", "部"),
    QT_TRANSLATE_NOOP("LowerLayer", "局"),
    QT_TRANSLATE_NOOP("LowerLayer", "課"),
    QT_TRANSLATE_NOOP("LowerLayer", "室"),
    QT_TRANSLATE_NOOP("LowerLayer", "係"),
    QT_TRANSLATE_NOOP("LowerLayer", "センター"),
    # ui/pdf_dialogs.py default window title
    QT_TRANSLATE_NOOP("LowerLayer", "PDF に書き出す"),
)
