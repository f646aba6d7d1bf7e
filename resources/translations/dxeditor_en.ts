<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="ja">
<context>
    <name></name>
    <message>
        <location filename="../../dxeditor/ui/schedule/menu.py" line="81"/>
        <location filename="../../dxeditor/ui/schedule/menu.py" line="93"/>
        <location filename="../../dxeditor/ui/schedule/canvas.py" line="332"/>
        <source>工程の追加</source>
        <extracomment>Ctrl+wheel: (steps, viewport x) — positive zooms in While dragging: the period being set (「令和6年4月〜令和8年3月」); &quot;&quot; when the drag ends The lines of the last paint (what the user sees; tests compare them with the outline). A repaint is asked for and not done yet (the outline&apos;s lines moved before a paint pass).</extracomment>
        <translation>Add schedule item</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/canvas.py" line="340"/>
        <source>工程の移動</source>
        <translation>Move schedule item</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/canvas.py" line="345"/>
        <source>工程の期間変更</source>
        <translation>Change schedule item period</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/canvas.py" line="350"/>
        <source>節目の移動</source>
        <translation>Move milestone</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/menu.py" line="48"/>
        <location filename="../../dxeditor/ui/schedule/menu.py" line="51"/>
        <source>工程の段の変更</source>
        <translation>Change schedule item lane</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/menu.py" line="115"/>
        <source>工程の削除</source>
        <translation>Delete schedule item</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/app.py" line="114"/>
        <source>自治体DX計画エディタ</source>
        <translation>Municipal DX plan editor</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/app.py" line="116"/>
        <source>読み込んでいます…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/menu.py" line="35"/>
        <source>工程の種類</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/menu.py" line="42"/>
        <source>工程の種類の変更</source>
        <translation>Change phase</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/menu.py" line="45"/>
        <source>上の段へ</source>
        <translation>Move to the lane above</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/menu.py" line="49"/>
        <source>下の段へ</source>
        <translation>Move to the lane below</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/menu.py" line="52"/>
        <source>継続の矢印</source>
        <translation>Continuation arrow</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/menu.py" line="56"/>
        <source>継続の矢印の切り替え</source>
        <translation>Toggle continuation arrow</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/menu.py" line="57"/>
        <source>ラベルを編集</source>
        <translation>Edit label</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/menu.py" line="67"/>
        <source>節目の名称を編集</source>
        <translation>Edit milestone name</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/menu.py" line="70"/>
        <source>節目を削除</source>
        <translation>Delete milestone</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/menu.py" line="72"/>
        <source>節目の削除</source>
        <translation>Delete milestone</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/menu.py" line="75"/>
        <source>ここに工程を追加</source>
        <translation>Add a bar here</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/menu.py" line="88"/>
        <source>新しい段に工程を追加</source>
        <translation>Add a bar in a new lane</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/menu.py" line="100"/>
        <source>ここに節目を追加</source>
        <translation>Add a milestone here</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/menu.py" line="104"/>
        <source>節目の追加</source>
        <translation>Add milestone</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/menu.py" line="104"/>
        <source>運用開始</source>
        <translation>Start of operation</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/menu.py" line="113"/>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../dxeditor/ui/dialogs/about_dialog.py" line="43"/>
        <source>dxeditor について</source>
        <translation>About dxeditor</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/about_dialog.py" line="46"/>
        <source>&lt;h2&gt;dxeditor {0}&lt;/h2&gt;&lt;p&gt;自治体DX計画エディタ&lt;/p&gt;&lt;p&gt;MIT ライセンスで提供しています。同梱しているソフトウェアとフォントのライセンスは「サードパーティ」タブにあります。&lt;/p&gt;</source>
        <translation>&lt;h2&gt;dxeditor {0}&lt;/h2&gt;&lt;p&gt;Editor for municipal DX plans&lt;/p&gt;&lt;p&gt;Provided under the MIT License. The licences of the bundled software and fonts are on the Third-party tab.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/about_dialog.py" line="57"/>
        <source>概要</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/about_dialog.py" line="58"/>
        <source>ライセンスのファイルが見つかりません: {0}</source>
        <translation>Licence file not found: {0}</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/about_dialog.py" line="61"/>
        <source>ライセンス</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/about_dialog.py" line="62"/>
        <source>サードパーティ</source>
        <translation>Third-party</translation>
    </message>
</context>
<context>
    <name>ActualsTable</name>
    <message>
        <location filename="../../dxeditor/ui/kpi_actuals.py" line="59"/>
        <source>年度</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/kpi_actuals.py" line="59"/>
        <source>実績値</source>
        <translation>Actual</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/kpi_actuals.py" line="59"/>
        <source>備考</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/kpi_actuals.py" line="65"/>
        <source>年度は 令和6 / R6 / 2024 のどれでも入力できます。右クリックで追加・削除。</source>
        <translation>Type the fiscal year as R6 or 2024. Right-click to add or delete.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/kpi_actuals.py" line="69"/>
        <location filename="../../dxeditor/ui/kpi_actuals.py" line="169"/>
        <source>実績を追加</source>
        <translation>Add actual</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/kpi_actuals.py" line="71"/>
        <location filename="../../dxeditor/ui/kpi_actuals.py" line="173"/>
        <source>実績を削除</source>
        <translation>Delete actual</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/kpi_actuals.py" line="104"/>
        <source>実績（年度ごと）: {0}</source>
        <translation>Actuals by fiscal year: {0}</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/kpi_actuals.py" line="105"/>
        <source>実績（年度ごと）: 成果目標を選ぶと表示されます</source>
        <translation>Actuals by fiscal year: select a KPI to see them</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/kpi_actuals.py" line="146"/>
        <source>実績値の変更</source>
        <translation>Change actual</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/kpi_actuals.py" line="153"/>
        <source>実績値の追加</source>
        <translation>Add actual</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/kpi_actuals.py" line="164"/>
        <source>実績値の削除</source>
        <translation>Delete actual</translation>
    </message>
</context>
<context>
    <name>AnswerPreviewDialog</name>
    <message>
        <location filename="../../dxeditor/ui/dialogs/inquiry_dialogs.py" line="127"/>
        <source>回答の取込（確認）</source>
        <translation>Import answers (review)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/inquiry_dialogs.py" line="130"/>
        <source>部署 / 項目</source>
        <translation>Department / item</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/inquiry_dialogs.py" line="130"/>
        <source>現在</source>
        <translation>Current</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/inquiry_dialogs.py" line="130"/>
        <source>回答</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/inquiry_dialogs.py" line="138"/>
        <source>取り込めません</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/inquiry_dialogs.py" line="155"/>
        <source>{n} 件の変更、取り込めないブック {bad} 件</source>
        <translation>{n} change(s), {bad} workbook(s) that cannot be imported</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/inquiry_dialogs.py" line="159"/>
        <source>選んだ変更を取り込む</source>
        <translation>Import selected changes</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/inquiry_dialogs.py" line="180"/>
        <source>照会回答の取込（{0}）</source>
        <translation>Answers taken in ({0})</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../dxeditor/ui/dialogs/audit_dialog.py" line="93"/>
        <source>変更履歴</source>
        <translation>Change history</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/audit_dialog.py" line="102"/>
        <location filename="../../dxeditor/ui/dialogs/audit_dialog.py" line="106"/>
        <location filename="../../dxeditor/ui/dialogs/audit_dialog.py" line="110"/>
        <source>すべて</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/audit_dialog.py" line="113"/>
        <source>期間で絞り込む</source>
        <translation>Filter by period</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/audit_dialog.py" line="122"/>
        <source>操作・内容の文字で絞り込み</source>
        <translation>Filter by action or content text</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/audit_dialog.py" line="126"/>
        <source>利用者</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/audit_dialog.py" line="127"/>
        <source>部署</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/audit_dialog.py" line="128"/>
        <source>取組</source>
        <translation>Initiative</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/audit_dialog.py" line="135"/>
        <source>期間</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/audit_dialog.py" line="136"/>
        <source>文字</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/audit_dialog.py" line="147"/>
        <source>Excel に書き出す…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/audit_dialog.py" line="186"/>
        <source>{n} 件 / 全 {total} 件</source>
        <translation>{n} of {total}</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/audit_dialog.py" line="201"/>
        <source>変更履歴の書き出し</source>
        <translation>Export change history</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/audit_dialog.py" line="202"/>
        <source>Excel ブック (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/audit_dialog.py" line="208"/>
        <source>書き出せません</source>
        <translation>Cannot export</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../dxeditor/ui/dialogs/audit_dialog.py" line="50"/>
        <source>日時</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/audit_dialog.py" line="50"/>
        <source>利用者</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/audit_dialog.py" line="51"/>
        <source>操作</source>
        <translation>Operation</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/audit_dialog.py" line="51"/>
        <source>対象</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/audit_dialog.py" line="52"/>
        <source>取組</source>
        <translation>Initiative</translation>
    </message>
</context>
<context>
    <name>Background</name>
    <message>
        <location filename="../../dxeditor/ui/background.py" line="90"/>
        <source>中止しています…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/background.py" line="104"/>
        <source>中止</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>BarDialog</name>
    <message>
        <location filename="../../dxeditor/ui/dialogs/bar_dialog.py" line="69"/>
        <source>工程の詳細</source>
        <translation>Schedule item details</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/bar_dialog.py" line="92"/>
        <source> 段目</source>
        <translation> (lane)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/bar_dialog.py" line="97"/>
        <source>長いラベルは折り返して入力できます（改行は空白として保存されます）</source>
        <translation>Long labels wrap while you type (line breaks are saved as spaces)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/bar_dialog.py" line="98"/>
        <source>計画期間の後も続く（→ 継続の矢印）</source>
        <translation>Continues after the plan period (→ arrow)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/bar_dialog.py" line="108"/>
        <source>開始(&amp;S)</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/bar_dialog.py" line="109"/>
        <source>終了(&amp;E)</source>
        <translation>&amp;End</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/bar_dialog.py" line="111"/>
        <source>工程の種類(&amp;P)</source>
        <translation>&amp;Phase</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/bar_dialog.py" line="112"/>
        <source>段(&amp;L)</source>
        <translation>&amp;Lane</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/bar_dialog.py" line="113"/>
        <source>ラベル(&amp;B)</source>
        <translation>La&amp;bel</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/bar_dialog.py" line="131"/>
        <source>（{0}か月）</source>
        <translation> ({0} months)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/bar_dialog.py" line="132"/>
        <source>終了は開始と同じか後の月にしてください。</source>
        <translation>The end must be the same month as the start or later.</translation>
    </message>
</context>
<context>
    <name>BaselineMenu</name>
    <message>
        <location filename="../../dxeditor/ui/baseline.py" line="51"/>
        <source>なし</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/baseline.py" line="69"/>
        <source>（版がありません: ファイル ▸ 版 で作成します）</source>
        <translation>(No versions: make one in File ▸ Versions)</translation>
    </message>
</context>
<context>
    <name>BulletEditor</name>
    <message>
        <location filename="../../dxeditor/ui/bullet_editor.py" line="42"/>
        <source>Enter: 新しい項目&#x3000;Alt+Shift+→: 一段下げる&#x3000;Alt+Shift+←: 一段上げる
Tab / Shift+Tab: 次 / 前の欄へ</source>
        <extracomment>The list after an editing burst: [(level, text, bullet), …]</extracomment>
        <translation>Enter: new bullet   Alt+Shift+→: nest   Alt+Shift+←: unnest
Tab / Shift+Tab: next / previous field</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/bullet_editor.py" line="151"/>
        <source>一段下げる</source>
        <translation>Nest (indent)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/bullet_editor.py" line="155"/>
        <source>一段上げる</source>
        <translation>Unnest (outdent)</translation>
    </message>
</context>
<context>
    <name>ChangeListModel</name>
    <message>
        <location filename="../../dxeditor/ui/dialogs/compare_view.py" line="64"/>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/compare_view.py" line="64"/>
        <source>場所</source>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/compare_view.py" line="64"/>
        <source>備考</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>CompareChooser</name>
    <message>
        <location filename="../../dxeditor/ui/dialogs/version_forms.py" line="148"/>
        <source>版の比較</source>
        <translation>Compare versions</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/version_forms.py" line="154"/>
        <source>現在の計画</source>
        <translation>Current plan</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/version_forms.py" line="155"/>
        <source>別の計画ファイル…</source>
        <translation>Another plan file…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/version_forms.py" line="162"/>
        <source>改定前(&amp;B)</source>
        <translation>&amp;Before</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/version_forms.py" line="163"/>
        <source>改定後(&amp;A)</source>
        <translation>&amp;After</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/version_forms.py" line="176"/>
        <source>比べる計画ファイル</source>
        <translation>Plan file to compare</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/version_forms.py" line="177"/>
        <source>dxeditor 計画ファイル (*.dxplan)</source>
        <translation>dxeditor plan files (*.dxplan)</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../../dxeditor/ui/dialogs/compare_view.py" line="137"/>
        <source>比較（新旧対照）: {0} → {1}</source>
        <extracomment>A file was written (path), after export.</extracomment>
        <translation>Comparison: {0} → {1}</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/compare_view.py" line="146"/>
        <source>表示する変更の種類</source>
        <translation>Kinds of change shown</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/compare_view.py" line="157"/>
        <source>すべての種類(&amp;A)</source>
        <translation>&amp;All kinds</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/compare_view.py" line="159"/>
        <source>変更の種類(&amp;K)</source>
        <translation>&amp;Kinds of change</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/compare_view.py" line="183"/>
        <source>変更の一覧(&amp;L)</source>
        <translation>&amp;List of changes</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/compare_view.py" line="191"/>
        <source>改定後</source>
        <translation>After</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/compare_view.py" line="192"/>
        <source>改定前</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/compare_view.py" line="193"/>
        <source>改定後: {0}</source>
        <translation>After: {0}</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/compare_view.py" line="194"/>
        <source>改定前: {0}</source>
        <translation>Before: {0}</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/compare_view.py" line="210"/>
        <source>改定の理由など（新旧対照表の備考欄に印刷されます）</source>
        <translation>The reason for the change (printed in the Notes column)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/compare_view.py" line="213"/>
        <source>備考(&amp;N)</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/compare_view.py" line="216"/>
        <source>前へ(&amp;P)</source>
        <translation>&amp;Previous</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/compare_view.py" line="217"/>
        <source>次へ(&amp;X)</source>
        <translation>Ne&amp;xt</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/compare_view.py" line="219"/>
        <source>計画で表示(&amp;G)</source>
        <translation>&amp;Go to item</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/compare_view.py" line="220"/>
        <source>この変更の項目をメイン画面の一覧で選びます（Enter）</source>
        <translation>Select the changed item in the main window&apos;s outline (Enter)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/compare_view.py" line="223"/>
        <source>PDF に出力(&amp;D)…</source>
        <translation>P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/compare_view.py" line="224"/>
        <source>Excel に出力(&amp;E)…</source>
        <translation>&amp;Excel…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/compare_view.py" line="225"/>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/compare_view.py" line="231"/>
        <source>次の変更</source>
        <translation>Next change</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/compare_view.py" line="234"/>
        <source>前の変更</source>
        <translation>Previous change</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/compare_view.py" line="287"/>
        <source>改定前「{0}」から改定後「{1}」への変更 {2} 件（{3}）</source>
        <translation>{2} change(s) from “{0}” to “{1}” ({3})</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/compare_view.py" line="290"/>
        <source>改定前「{0}」と改定後「{1}」に違いはありません。</source>
        <translation>“{0}” and “{1}” do not differ.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/compare_view.py" line="333"/>
        <source>（表示する変更がありません）</source>
        <translation>(No changes to show)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/compare_view.py" line="370"/>
        <source>備考</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/compare_view.py" line="385"/>
        <source>この変更の項目は一覧にありません（計画全体の事項か、現在の計画では削除されています）。</source>
        <translation>This change is not about an item of the outline (it concerns the whole plan, or the item is gone from the current plan).</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/compare_view.py" line="429"/>
        <source>新旧対照表の出力</source>
        <translation>Export the comparison table</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/compare_view.py" line="441"/>
        <source>新旧対照表を書き出しています…</source>
        <translation>Writing the comparison table…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/compare_view.py" line="450"/>
        <source>書き出しました: {0}</source>
        <translation>Written: {0}</translation>
    </message>
</context>
<context>
    <name>ContextHelp</name>
    <message>
        <location filename="../../dxeditor/ui/help_window.py" line="169"/>
        <source>ヘルプ</source>
        <translation>Help</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/help_window.py" line="171"/>
        <source>この画面の説明を開きます (F1)</source>
        <translation>Open the help for this window (F1)</translation>
    </message>
</context>
<context>
    <name>CrashReport</name>
    <message>
        <location filename="../../dxeditor/ui/crash.py" line="56"/>
        <source>予期しないエラーが発生しました。</source>
        <translation>An unexpected error occurred.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/crash.py" line="57"/>
        <source>編集内容は作業用コピーに保存されています。保存してから作業を続けてください。</source>
        <translation>Your edits are kept in the working copy. Save the plan, then carry on.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/crash.py" line="60"/>
        <source>ログ: {0}</source>
        <translation>Log: {0}</translation>
    </message>
</context>
<context>
    <name>DepartmentTreeModel</name>
    <message>
        <location filename="../../dxeditor/ui/dialogs/department_dialogs.py" line="91"/>
        <source>名称</source>
        <extracomment>(department id, new name) typed in place (F2); the dialog turns it into a command</extracomment>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/department_dialogs.py" line="91"/>
        <source>種別</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/department_dialogs.py" line="91"/>
        <source>期間</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/department_dialogs.py" line="91"/>
        <source>使用</source>
        <translation>Uses</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/department_dialogs.py" line="167"/>
        <source>{0}には存在しません</source>
        <translation>Does not exist in {0}</translation>
    </message>
</context>
<context>
    <name>DepartmentsDialog</name>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="61"/>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="241"/>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="252"/>
        <source>部署の管理</source>
        <translation>Departments</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="70"/>
        <source>廃止された部署も表示</source>
        <translation>Show abolished departments</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="72"/>
        <source>表示年度</source>
        <translation>Fiscal year shown</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="90"/>
        <source>追加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="91"/>
        <source>下位に追加</source>
        <translation>Add below</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="92"/>
        <source>名称変更</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="93"/>
        <source>改称(年度から)</source>
        <translation>Rename (from fiscal year)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="94"/>
        <source>統合</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="95"/>
        <source>分割</source>
        <translation>Split</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="96"/>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="97"/>
        <source>上へ</source>
        <translation>Up</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="98"/>
        <source>下へ</source>
        <translation>Down</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="99"/>
        <source>取込（CSV・Excel）</source>
        <translation>Import (CSV, Excel)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="110"/>
        <source>元に戻す</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="112"/>
        <source>やり直し</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="124"/>
        <source>使用箇所</source>
        <translation>Used in</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="137"/>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="214"/>
        <source>部署を選ぶと、使われている取組と工程表の行が表示されます。</source>
        <translation>Select a department to see the initiatives and schedule rows that use it.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="221"/>
        <source>存続期間: {0}</source>
        <translation>Existed: {0}</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="223"/>
        <source>{0}から「{1}」</source>
        <translation>From {0}: &quot;{1}&quot;</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="225"/>
        <source>{0}の担当: {1}</source>
        <translation>Responsible in {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="231"/>
        <source>（使われていません）</source>
        <translation>(not used)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="246"/>
        <source>部署一覧の取込</source>
        <translation>Import department list</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="247"/>
        <source>部署一覧 (*.csv *.txt *.xlsx *.xlsm);;すべてのファイル (*)</source>
        <translation>Department lists (*.csv *.txt *.xlsx *.xlsm);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="269"/>
        <source>開始年度</source>
        <translation>Starting fiscal year</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="273"/>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="284"/>
        <source>部署の追加</source>
        <translation>Add department</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="290"/>
        <source>上位の部署を選んでください。</source>
        <translation>Select the parent department.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="292"/>
        <source>下位の部署の追加</source>
        <translation>Add sub-department</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="304"/>
        <source>部署名の修正</source>
        <translation>Correct department name</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="309"/>
        <source>部署を1つ選んでください。</source>
        <translation>Select one department.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="318"/>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="323"/>
        <source>部署の改称</source>
        <translation>Rename department</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="319"/>
        <source>新しい名称の開始年度</source>
        <translation>Fiscal year the new name starts</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="330"/>
        <source>統合する部署を2つ以上選んでください（Ctrl+クリック）。</source>
        <translation>Select two or more departments to merge (Ctrl+click).</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="333"/>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="338"/>
        <source>部署の統合</source>
        <translation>Merge departments</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="333"/>
        <source>{0} を統合します。</source>
        <translation>Merge {0}.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="348"/>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="353"/>
        <source>部署の分割</source>
        <translation>Split department</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="348"/>
        <source>{0} を分割します。</source>
        <translation>Split {0}.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="369"/>
        <source>「{0}」と下位の部署 {1} 件を削除します。よろしいですか？</source>
        <translation>Delete &quot;{0}&quot; and its {1} sub-department(s)?</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="372"/>
        <source>部署の削除</source>
        <translation>Delete department</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="380"/>
        <source>部署の移動</source>
        <translation>Move department</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="396"/>
        <source>部署の取込</source>
        <translation>Import departments</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/departments_dialog.py" line="398"/>
        <source>{0} 件の部署を追加しました（読み飛ばし {1} 件）。</source>
        <translation>Added {0} department(s) ({1} skipped).</translation>
    </message>
</context>
<context>
    <name>EmptyPlanHint</name>
    <message>
        <location filename="../../dxeditor/ui/empty_plan.py" line="40"/>
        <source>この計画にはまだ取組がありません</source>
        <translation>This plan has no initiatives yet</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/empty_plan.py" line="47"/>
        <source>はじめに「計画の設定」で計画期間（何年度から何年度まで）、年度の表記、取組の番号の付け方（(1)、①、1-1 …）を決めます。あとからでも ファイル ▸ 計画のプロパティ で変えられます。
次に、基本方針などのまとまりを「セクション」として、その下に「取組」を追加します。取組を選ぶと右の欄で内容を、工程表の行を追加すると右側の工程表で工程を編集できます。
F1 キーでいつでもヘルプを開けます。</source>
        <translation>First set the plan period (from which fiscal year to which), the year style and how initiatives are numbered ((1), ①, 1-1 …) in &quot;Plan settings&quot;. You can change them later in File ▸ Plan properties.
Then add sections (groups such as basic policies) and initiatives in them. Select an initiative to edit its content on the right; add schedule rows to draw their bars in the schedule.
Press F1 at any time for help.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/empty_plan.py" line="54"/>
        <source>計画の設定(&amp;P)…</source>
        <translation>&amp;Plan settings…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/empty_plan.py" line="56"/>
        <source>セクションを追加</source>
        <translation>Add section</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/empty_plan.py" line="58"/>
        <source>取組を追加</source>
        <translation>Add initiative</translation>
    </message>
</context>
<context>
    <name>ExcelExportDialog</name>
    <message>
        <location filename="../../dxeditor/ui/dialogs/excel_dialogs.py" line="56"/>
        <source>Excel に書き出し</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/excel_dialogs.py" line="58"/>
        <source>シート</source>
        <translation>Sheets</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/excel_dialogs.py" line="72"/>
        <source>年度の表記</source>
        <translation>Fiscal year format</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/excel_dialogs.py" line="74"/>
        <source>A3 横</source>
        <translation>A3 landscape</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/excel_dialogs.py" line="75"/>
        <source>A4 横</source>
        <translation>A4 landscape</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/excel_dialogs.py" line="76"/>
        <source>用紙</source>
        <translation>Paper</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/excel_dialogs.py" line="80"/>
        <source>時間の単位</source>
        <translation>Time unit</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/excel_dialogs.py" line="82"/>
        <source>現在の名称</source>
        <translation>Current names</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/excel_dialogs.py" line="91"/>
        <source>部署名</source>
        <translation>Department names</translation>
    </message>
</context>
<context>
    <name>FileHandling</name>
    <message>
        <source>古いロック</source>
        <translation type="vanished">Stale lock</translation>
    </message>
    <message>
        <source>ロックは古いようです（相手のプログラムは終了しています）。編集を引き継ぎますか？</source>
        <translation type="vanished">The lock looks stale (the other program has ended). Take over editing?</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="94"/>
        <location filename="../../dxeditor/ui/window_files.py" line="122"/>
        <source>読み取り専用で開きました。</source>
        <translation>Opened read-only.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="111"/>
        <source>編集の引き継ぎ</source>
        <translation>Take over editing</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="112"/>
        <source>{0} さんのロックを外して編集を引き継ぎます。相手がまだ編集中なら、その内容は保存できなくなります。よろしいですか？</source>
        <translation>Remove {0}&apos;s lock and take over editing? If they are still editing, they will not be able to save their changes.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="119"/>
        <source>コピーとして開きました。保存するときに新しい名前を付けます。</source>
        <translation>Opened as a copy. You will give it a new name when you save.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="126"/>
        <source>ほかの人が編集中です</source>
        <translation>Someone else is editing</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="128"/>
        <source>相手のプログラムは終了しているようです。編集を引き継ぐこともできます。</source>
        <translation>The other user&apos;s program seems to have closed. You can also take over editing.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="129"/>
        <source>読み取り専用で開く(&amp;R)</source>
        <translation>Open &amp;read-only</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="130"/>
        <source>コピーを開く(&amp;C)</source>
        <translation>Open a &amp;copy</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="131"/>
        <source>編集を引き継ぐ(&amp;T)…</source>
        <translation>&amp;Take over editing…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="178"/>
        <source>サーバーに送っていない変更</source>
        <translation>Changes not yet sent to the server</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="179"/>
        <source>サーバーにつながらないため、変更 {0} 件をまだ送っていません。この PC に保存してあり、次にこの計画を開いたときに送ります。閉じてよろしいですか？</source>
        <translation>The server cannot be reached: {0} change(s) have not been sent yet. They are kept on this PC and sent the next time this plan is opened. Close anyway?</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="187"/>
        <source>保存の確認</source>
        <translation>Save changes?</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="188"/>
        <source>「{0}」への変更を保存しますか？</source>
        <translation>Save the changes to &quot;{0}&quot;?</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="243"/>
        <source>計画を開く</source>
        <translation>Open plan</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="262"/>
        <source>古い形式のファイルを変換しました（元のファイルは {0}）</source>
        <translation>Converted an older file (original kept as {0})</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="274"/>
        <source>（なし）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="282"/>
        <source>サーバーの計画は、変更のたびにサーバーに保存されています</source>
        <translation>A server plan is saved on the server with every change</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="202"/>
        <location filename="../../dxeditor/ui/window_files.py" line="293"/>
        <source>無題</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="294"/>
        <source>名前を付けて保存</source>
        <translation>Save as</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="311"/>
        <source>上書きの確認</source>
        <translation>Confirm overwrite</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="312"/>
        <source>上書きしますか？</source>
        <translation>Overwrite it?</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="331"/>
        <source>保存しました: {0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="339"/>
        <source>JSON からインポート</source>
        <translation>Import from JSON</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="349"/>
        <source>JSON を読み込んでいます…</source>
        <translation>Reading JSON…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="363"/>
        <source>JSON にエクスポート</source>
        <translation>Export to JSON</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="373"/>
        <source>書き出しました: {0}</source>
        <translation>Exported: {0}</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../dxeditor/ui/find_bar.py" line="46"/>
        <source>検索（名称・本文・成果目標）</source>
        <translation>Search (titles, text, KPIs)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/find_bar.py" line="54"/>
        <source>検索を閉じる (Esc)</source>
        <translation>Close search (Esc)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/find_bar.py" line="56"/>
        <source>SDGs: すべて</source>
        <translation>SDGs: all</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/find_bar.py" line="59"/>
        <source>国の取組: すべて</source>
        <translation>National item: all</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/find_bar.py" line="122"/>
        <source>部署: すべて</source>
        <extracomment>The plan&apos;s searchable text, read at the first search and then kept up to date. Where the keyboard was before it came into the bar (the outline, the schedule, a form): closing the bar gives it back there instead of to the next widget in the tab chain.</extracomment>
        <translation>Department: all</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/find_bar.py" line="154"/>
        <source>{0} 件</source>
        <translation>{0} found</translation>
    </message>
</context>
<context>
    <name>GlossaryDialog</name>
    <message>
        <location filename="../../dxeditor/ui/dialogs/glossary_dialog.py" line="139"/>
        <location filename="../../dxeditor/ui/dialogs/glossary_dialog.py" line="330"/>
        <location filename="../../dxeditor/ui/dialogs/glossary_dialog.py" line="354"/>
        <source>用語集</source>
        <translation>Glossary</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/glossary_dialog.py" line="146"/>
        <source>用語・よみ・説明で絞り込み</source>
        <translation>Filter by term, reading or description</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/glossary_dialog.py" line="170"/>
        <source>用語</source>
        <translation>Term</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/glossary_dialog.py" line="171"/>
        <source>よみ</source>
        <translation>Reading</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/glossary_dialog.py" line="172"/>
        <source>分類</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/glossary_dialog.py" line="173"/>
        <source>説明</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/glossary_dialog.py" line="175"/>
        <source>新規</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/glossary_dialog.py" line="176"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/glossary_dialog.py" line="177"/>
        <location filename="../../dxeditor/ui/dialogs/glossary_dialog.py" line="186"/>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/glossary_dialog.py" line="191"/>
        <source>元に戻す</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/glossary_dialog.py" line="193"/>
        <source>やり直し</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/glossary_dialog.py" line="206"/>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/glossary_dialog.py" line="253"/>
        <source>ひらがなで入力（並べ替えに使います）</source>
        <translation>Enter in hiragana (used for sorting)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/glossary_dialog.py" line="293"/>
        <source>用語の追加</source>
        <translation>Add term</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/glossary_dialog.py" line="296"/>
        <source>用語の変更</source>
        <translation>Change term</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/glossary_dialog.py" line="321"/>
        <source>入力中の用語を保存できません。
{0}

入力中の内容を破棄しますか？</source>
        <translation>The term being edited cannot be saved.
{0}

Discard what you have entered?</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/glossary_dialog.py" line="339"/>
        <source>用語の削除</source>
        <translation>Delete term</translation>
    </message>
</context>
<context>
    <name>GlossaryModel</name>
    <message>
        <location filename="../../dxeditor/ui/dialogs/glossary_dialog.py" line="49"/>
        <source>用語</source>
        <translation>Term</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/glossary_dialog.py" line="49"/>
        <source>よみ</source>
        <translation>Reading</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/glossary_dialog.py" line="49"/>
        <source>説明</source>
        <translation>Description</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <location filename="../../dxeditor/ui/help_window.py" line="70"/>
        <source>dxeditor ヘルプ</source>
        <extracomment>The manual&apos;s section for each dialog class (by class name, so no dialog module is imported here).</extracomment>
        <translation>dxeditor help</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/help_window.py" line="79"/>
        <source>ヘルプ</source>
        <translation>Help</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/help_window.py" line="82"/>
        <source>戻る</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/help_window.py" line="85"/>
        <source>進む</source>
        <translation>Forward</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/help_window.py" line="88"/>
        <source>目次</source>
        <translation>Contents</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/help_window.py" line="91"/>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../dxeditor/ui/dialogs/department_dialogs.py" line="267"/>
        <source>部署の取込（確認）</source>
        <translation>Import departments (review)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/department_dialogs.py" line="270"/>
        <source>{0}
追加 {1} 件、登録済み {2} 件、読み飛ばし {3} 件</source>
        <translation>{0}
{1} to add, {2} already registered, {3} skipped</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/department_dialogs.py" line="275"/>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/department_dialogs.py" line="275"/>
        <source>部署</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/department_dialogs.py" line="275"/>
        <source>結果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/department_dialogs.py" line="282"/>
        <source>追加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/department_dialogs.py" line="282"/>
        <source>登録済み（読み飛ばし）</source>
        <translation>Already registered (skipped)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/excel_dialogs.py" line="174"/>
        <location filename="../../dxeditor/ui/dialogs/department_dialogs.py" line="289"/>
        <source>取り込む</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/excel_dialogs.py" line="152"/>
        <source>Excel から取り込み</source>
        <translation>Import from Excel</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/excel_dialogs.py" line="159"/>
        <source>埋め込みの計画データを使う（dxeditor で書き出したブック）</source>
        <translation>Use the embedded plan data (workbooks exported by dxeditor)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/excel_dialogs.py" line="163"/>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/excel_dialogs.py" line="163"/>
        <source>見出し</source>
        <translation>Heading</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/excel_dialogs.py" line="163"/>
        <source>役割</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/excel_dialogs.py" line="167"/>
        <source>塗り</source>
        <translation>Fill</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/excel_dialogs.py" line="167"/>
        <source>工程の数</source>
        <translation>Bars</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/excel_dialogs.py" line="167"/>
        <source>区分（名前を変えられます）</source>
        <translation>Phase (you can rename it)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/excel_dialogs.py" line="178"/>
        <source>シート</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/excel_dialogs.py" line="182"/>
        <source>列の役割（違っていれば選び直してください）</source>
        <translation>Column roles (choose again if wrong)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/excel_dialogs.py" line="184"/>
        <source>工程の塗りと区分（同じ塗りの工程は同じ区分になります）</source>
        <translation>Bar fills and phases (bars with the same fill get the same phase)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/excel_dialogs.py" line="186"/>
        <source>認識結果</source>
        <translation>Recognized</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/excel_dialogs.py" line="196"/>
        <source>自動（年度の見出しがあるシート）</source>
        <translation>Automatic (sheet with fiscal year headings)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/excel_dialogs.py" line="262"/>
        <source>塗りなし</source>
        <translation>No fill</translation>
    </message>
</context>
<context>
    <name>InitiativeForm</name>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="154"/>
        <location filename="../../dxeditor/ui/initiative_form.py" line="198"/>
        <source>（なし）</source>
        <extracomment>An edit was refused: the message to show.</extracomment>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="180"/>
        <location filename="../../forms/initiative_form.ui" line="46"/>
        <source>自動</source>
        <translation>auto</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="268"/>
        <source>取組名の変更</source>
        <translation>Rename initiative</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="273"/>
        <source>番号の変更</source>
        <translation>Change number</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="277"/>
        <source>国の計画の取組事項の変更</source>
        <translation>Change national plan item</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="292"/>
        <source>国が掲げる目標時期の変更</source>
        <translation>Change national target</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="298"/>
        <source>{0}の編集</source>
        <translation>Edit {0}</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="305"/>
        <source>SDGs の変更</source>
        <translation>Change SDGs</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="315"/>
        <source>担当課の変更</source>
        <translation>Change departments</translation>
    </message>
    <message>
        <location filename="../../forms/initiative_form.ui" line="6"/>
        <source>取組</source>
        <translation>Initiative</translation>
    </message>
    <message>
        <location filename="../../forms/initiative_form.ui" line="36"/>
        <source>番号(&amp;N)</source>
        <translation>&amp;Number</translation>
    </message>
    <message>
        <location filename="../../forms/initiative_form.ui" line="59"/>
        <source>取組名(&amp;T)</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <location filename="../../forms/initiative_form.ui" line="72"/>
        <source>主管課(&amp;L)</source>
        <translation>&amp;Lead department</translation>
    </message>
    <message>
        <location filename="../../forms/initiative_form.ui" line="85"/>
        <source>関係課(&amp;R)</source>
        <translation>&amp;Related departments</translation>
    </message>
    <message>
        <location filename="../../forms/initiative_form.ui" line="107"/>
        <source>現状と課題</source>
        <translation>Current state and issues</translation>
    </message>
    <message>
        <location filename="../../forms/initiative_form.ui" line="131"/>
        <source>取組の方向性</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../forms/initiative_form.ui" line="155"/>
        <source>取組内容</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../../forms/initiative_form.ui" line="179"/>
        <source>成果目標（KPI）</source>
        <translation>Targets (KPI)</translation>
    </message>
    <message>
        <location filename="../../forms/initiative_form.ui" line="203"/>
        <source>SDGs との関係</source>
        <translation>SDGs</translation>
    </message>
    <message>
        <location filename="../../forms/initiative_form.ui" line="227"/>
        <source>自治体DX推進計画の取組事項</source>
        <translation>National plan item</translation>
    </message>
    <message>
        <location filename="../../forms/initiative_form.ui" line="233"/>
        <source>区分</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../forms/initiative_form.ui" line="246"/>
        <source>番号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../forms/initiative_form.ui" line="256"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../forms/initiative_form.ui" line="266"/>
        <source>国が掲げる目標時期</source>
        <translation>National target</translation>
    </message>
    <message>
        <location filename="../../forms/initiative_form.ui" line="276"/>
        <source>例: 令和7年度</source>
        <translation>e.g. 令和7年度 / 2025</translation>
    </message>
    <message>
        <location filename="../../forms/initiative_form.ui" line="286"/>
        <source>根拠・関連計画</source>
        <translation>References</translation>
    </message>
</context>
<context>
    <name>InquiryExportDialog</name>
    <message>
        <location filename="../../dxeditor/ui/dialogs/inquiry_dialogs.py" line="47"/>
        <source>照会ブックの書き出し</source>
        <translation>Export inquiry workbooks</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/inquiry_dialogs.py" line="64"/>
        <source>参照…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/inquiry_dialogs.py" line="70"/>
        <source>照会する年度</source>
        <translation>Fiscal year of the inquiry</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/inquiry_dialogs.py" line="71"/>
        <source>部署</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/inquiry_dialogs.py" line="72"/>
        <location filename="../../dxeditor/ui/dialogs/inquiry_dialogs.py" line="83"/>
        <source>保存先フォルダー</source>
        <translation>Destination folder</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/inquiry_dialogs.py" line="74"/>
        <source>書き出す</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/inquiry_dialogs.py" line="100"/>
        <source>部署を選んでください。</source>
        <translation>Select a department.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/inquiry_dialogs.py" line="103"/>
        <source>保存先フォルダーが見つかりません。</source>
        <translation>The destination folder was not found.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/inquiry_dialogs.py" line="107"/>
        <source>照会ブックを書き出しています…</source>
        <translation>Writing inquiry workbooks…</translation>
    </message>
</context>
<context>
    <name>LegendWidget</name>
    <message>
        <location filename="../../dxeditor/ui/schedule/styles.py" line="111"/>
        <source>◆ 節目</source>
        <extracomment>pattern name → (overlay brush style, border pen style)</extracomment>
        <translation>◆ Milestone</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/styles.py" line="112"/>
        <source>→ 継続</source>
        <translation>→ Continue</translation>
    </message>
</context>
<context>
    <name>LowerLayer</name>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="16"/>
        <source>工程表</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="17"/>
        <source>取組シート</source>
        <translation>Initiative sheets</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="18"/>
        <source>計画書</source>
        <translation>Plan booklet</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="19"/>
        <source>自動（工程表は A3、ほかは A4）</source>
        <translation>Automatic (A3 for the schedule, A4 otherwise)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="20"/>
        <source>計画の設定に従う</source>
        <translation>As in the plan settings</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="21"/>
        <source>令和4年度, 5年度 …</source>
        <translation>令和4年度, 5年度 … (era on the first only)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="22"/>
        <source>令和5年度</source>
        <translation>令和5年度 (era year)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="23"/>
        <source>令和5(2023)年度</source>
        <translation>令和5(2023)年度 (era and Western year)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="24"/>
        <source>2023年度</source>
        <translation>2023年度 (Western year)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="25"/>
        <source>年度</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="26"/>
        <source>半期</source>
        <translation>Half</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="27"/>
        <source>四半期</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="28"/>
        <source>月</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="30"/>
        <source>取組一覧</source>
        <translation>Initiatives</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="31"/>
        <source>成果目標</source>
        <translation>KPIs</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="32"/>
        <source>担当課別</source>
        <translation>By department</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="33"/>
        <source>用語集</source>
        <translation>Glossary</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="35"/>
        <source>令和4年度 5年度（先頭のみ元号）</source>
        <translation>令和4年度 5年度 (era on the first only)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="36"/>
        <source>5年度（先頭のみ元号）</source>
        <translation>5年度 (era on the first only)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="38"/>
        <source>塗りつぶし</source>
        <translation>Solid</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="39"/>
        <source>斜線</source>
        <translation>Diagonal lines</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="40"/>
        <source>格子（斜め）</source>
        <translation>Diagonal grid</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="41"/>
        <source>点</source>
        <translation>Dots</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="42"/>
        <source>横線</source>
        <translation>Horizontal lines</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="43"/>
        <source>縦線</source>
        <translation>Vertical lines</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="44"/>
        <source>枠線のみ</source>
        <translation>Outline only</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="46"/>
        <source>推進体制の構築</source>
        <translation>Building the promotion structure</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="47"/>
        <source>重点取組事項</source>
        <translation>Focus areas</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="48"/>
        <source>自治体DXの取組とあわせて取り組むデジタル社会の実現に向けた取組</source>
        <translation>Initiatives for a digital society pursued together with municipal DX</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="49"/>
        <source>必要に応じ実施を検討する取組</source>
        <translation>Initiatives to consider as needed</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="50"/>
        <source>未着手</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="51"/>
        <source>順調</source>
        <translation>On track</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="52"/>
        <source>完了</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="53"/>
        <source>遅延</source>
        <translation>Delayed</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="54"/>
        <source>中止</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="55"/>
        <source>現状と課題</source>
        <translation>Current state and issues</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="56"/>
        <source>取組の方向性</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="57"/>
        <source>取組内容</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="58"/>
        <source>検討</source>
        <translation>Study</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="59"/>
        <source>準備・構築</source>
        <translation>Preparation / build</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="60"/>
        <source>実施</source>
        <translation>Run</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="61"/>
        <source>継続</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="62"/>
        <source>その他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="64"/>
        <source>貧困をなくそう</source>
        <translation>No poverty</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="65"/>
        <source>飢餓をゼロに</source>
        <translation>Zero hunger</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="66"/>
        <source>すべての人に健康と福祉を</source>
        <translation>Good health and well-being</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="67"/>
        <source>質の高い教育をみんなに</source>
        <translation>Quality education</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="68"/>
        <source>ジェンダー平等を実現しよう</source>
        <translation>Gender equality</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="69"/>
        <source>安全な水とトイレを世界中に</source>
        <translation>Clean water and sanitation</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="70"/>
        <source>エネルギーをみんなに そしてクリーンに</source>
        <translation>Affordable and clean energy</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="71"/>
        <source>働きがいも経済成長も</source>
        <translation>Decent work and economic growth</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="72"/>
        <source>産業と技術革新の基盤をつくろう</source>
        <translation>Industry, innovation and infrastructure</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="73"/>
        <source>人や国の不平等をなくそう</source>
        <translation>Reduced inequalities</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="74"/>
        <source>住み続けられるまちづくりを</source>
        <translation>Sustainable cities and communities</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="75"/>
        <source>つくる責任 つかう責任</source>
        <translation>Responsible consumption and production</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="76"/>
        <source>気候変動に具体的な対策を</source>
        <translation>Climate action</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="77"/>
        <source>海の豊かさを守ろう</source>
        <translation>Life below water</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="78"/>
        <source>陸の豊かさも守ろう</source>
        <translation>Life on land</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="79"/>
        <source>平和と公正をすべての人に</source>
        <translation>Peace, justice and strong institutions</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="80"/>
        <source>パートナーシップで目標を達成しよう</source>
        <translation>Partnerships for the goals</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="82"/>
        <source>基本方針</source>
        <translation>Basic policy</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="83"/>
        <source>柱</source>
        <translation>Pillar</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="84"/>
        <source>グループ</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="86"/>
        <source>部</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="87"/>
        <source>局</source>
        <translation>Bureau</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="88"/>
        <source>課</source>
        <translation>Division</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="89"/>
        <source>室</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="90"/>
        <source>係</source>
        <translation>Section</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="91"/>
        <source>センター</source>
        <translation>Center</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/lower_strings.py" line="93"/>
        <source>PDF に書き出す</source>
        <translation>Export to PDF</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="136"/>
        <source>&lt;最初の状態&gt;</source>
        <translation>&lt;initial state&gt;</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="137"/>
        <source>操作履歴</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="177"/>
        <source>工程表ビュー</source>
        <translation>Schedule view</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="209"/>
        <source>左の一覧から項目を選ぶと、ここで内容を編集できます。</source>
        <translation>Select an item in the outline to edit it here.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="220"/>
        <source>詳細</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="229"/>
        <source>読み取り専用</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="417"/>
        <source>元に戻す</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="418"/>
        <source>やり直し</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="262"/>
        <source>空の計画(&amp;B)</source>
        <translation>&amp;Blank plan</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="263"/>
        <source>デモ計画（小樽市）(&amp;D)</source>
        <translation>&amp;Demo plan (Otaru)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="264"/>
        <source>国の計画の構成から(&amp;N)</source>
        <translation>From the &amp;national plan</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="265"/>
        <source>開く(&amp;O)…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="266"/>
        <source>サーバーの計画を開く(&amp;D)…</source>
        <translation>Open from &amp;Database Server…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="267"/>
        <source>データベースサーバー (PostgreSQL) に公開された計画を一覧から選んで開きます</source>
        <translation>Choose a plan published on the database server (PostgreSQL) and open it</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="268"/>
        <source>上書き保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="269"/>
        <source>名前を付けて保存(&amp;A)…</source>
        <translation>Save &amp;As…</translation>
    </message>
    <message>
        <source>計画のプロパティ(&amp;P)…</source>
        <translation type="vanished">Plan &amp;properties…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="274"/>
        <location filename="../../dxeditor/ui/main_window.py" line="277"/>
        <source>JSON(&amp;J)…</source>
        <translation>&amp;JSON…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="275"/>
        <location filename="../../dxeditor/ui/main_window.py" line="278"/>
        <source>Excel(&amp;X)…</source>
        <translation>E&amp;xcel…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="280"/>
        <source>PDF(&amp;P)…</source>
        <translation>&amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="284"/>
        <source>印刷プレビュー(&amp;V)…</source>
        <translation>Print previe&amp;w…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="286"/>
        <source>印刷(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="288"/>
        <source>照会票を出力(&amp;E)…</source>
        <translation>&amp;Export inquiry workbooks…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="290"/>
        <source>部署ごとに、担当の取組と工程を記入してもらう Excel ブックを書き出します</source>
        <translation>Write an Excel workbook per department for it to fill in its initiatives and schedule</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="291"/>
        <source>回答を取り込む(&amp;I)…</source>
        <translation>&amp;Import answers…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="293"/>
        <source>部署から戻った照会票を確かめ、選んだ変更だけを取り込みます</source>
        <translation>Check the workbooks returned by departments and take in only the changes you choose</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="294"/>
        <source>終了(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="295"/>
        <source>コピー(&amp;C)</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="296"/>
        <source>貼り付け(&amp;P)</source>
        <translation>&amp;Paste</translation>
    </message>
    <message>
        <source>名前の変更(&amp;R)</source>
        <translation type="vanished">&amp;Rename</translation>
    </message>
    <message>
        <source>複製(&amp;U)</source>
        <translation type="vanished">Duplicate</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="299"/>
        <source>削除(&amp;D)</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="300"/>
        <source>上へ移動</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="301"/>
        <source>下へ移動</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="303"/>
        <source>字下げ（下位へ）</source>
        <translation>Indent</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="305"/>
        <source>字下げ解除（上位へ）</source>
        <translation>Outdent</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="307"/>
        <source>検索・絞り込み(&amp;F)…</source>
        <translation>&amp;Find and filter…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="310"/>
        <source>一覧と詳細の切り替え</source>
        <translation>Switch outline / details</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="311"/>
        <source>すべて展開(&amp;E)</source>
        <translation>&amp;Expand all</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="312"/>
        <source>取組まで折りたたむ(&amp;C)</source>
        <translation>&amp;Collapse to initiatives</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="313"/>
        <source>セクション(&amp;S)</source>
        <translation>&amp;Section</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="314"/>
        <source>取組(&amp;I)</source>
        <translation>&amp;Initiative</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="315"/>
        <source>工程表の行(&amp;R)</source>
        <translation>Schedule &amp;row</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="316"/>
        <source>下位の行(&amp;U)</source>
        <translation>S&amp;ub-row</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="317"/>
        <source>部署の管理(&amp;D)…</source>
        <translation>&amp;Departments…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="319"/>
        <source>用語集(&amp;G)…</source>
        <translation>&amp;Glossary…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="322"/>
        <source>変更履歴(&amp;H)…</source>
        <translation>Change &amp;history…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="324"/>
        <source>誰がいつ何を変えたかを絞り込んで確かめます</source>
        <translation>Filter and review who changed what, and when</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="333"/>
        <source>dxeditor について(&amp;A)</source>
        <translation>&amp;About dxeditor</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="337"/>
        <source>ファイル(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="338"/>
        <source>新規作成(&amp;N)</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="339"/>
        <source>一覧から選ぶ(&amp;G)…</source>
        <translation>From the &amp;gallery…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="346"/>
        <source>見本の計画(&amp;E)</source>
        <translation>&amp;Example plans</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="353"/>
        <source>最近使ったファイル(&amp;R)</source>
        <translation>&amp;Recent files</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="361"/>
        <source>インポート(&amp;I)</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="363"/>
        <source>エクスポート(&amp;E)</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="366"/>
        <source>照会(&amp;Q)</source>
        <translation>In&amp;quiries</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="372"/>
        <source>編集(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="382"/>
        <source>表示(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="386"/>
        <source>工程表(&amp;S)</source>
        <translation>&amp;Schedule</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="399"/>
        <source>挿入(&amp;I)</source>
        <translation>&amp;Insert</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="402"/>
        <source>ツール(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="405"/>
        <source>表示言語(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="330"/>
        <location filename="../../dxeditor/ui/main_window.py" line="407"/>
        <source>ヘルプ(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="272"/>
        <source>版(&amp;B)…</source>
        <translation>&amp;Versions…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="411"/>
        <source>標準</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="450"/>
        <source>（まだ保存していません）</source>
        <translation>(not saved yet)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="451"/>
        <source>未保存</source>
        <translation>Unsaved</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="451"/>
        <source>保存済み</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="495"/>
        <source>dxeditor</source>
        <translation>dxeditor</translation>
    </message>
    <message>
        <source>この機能はまだ利用できません。</source>
        <translation type="vanished">This feature is not available yet.</translation>
    </message>
    <message>
        <source>dxeditor について</source>
        <translation type="vanished">About dxeditor</translation>
    </message>
    <message>
        <source>dxeditor {0}
自治体DX計画エディタ</source>
        <translation type="vanished">dxeditor {0}
Editor for municipal DX plans</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="282"/>
        <source>進捗状況報告 PDF(&amp;R)…</source>
        <translation>Progress &amp;report (PDF)…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="283"/>
        <source>進捗状況報告 Excel(&amp;G)…</source>
        <translation>Pro&amp;gress report (Excel)…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="308"/>
        <source>工程表を表示(&amp;G)</source>
        <translation>Show sche&amp;dule</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="309"/>
        <source>進捗管理を表示(&amp;M)</source>
        <translation>Show progress &amp;management</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="321"/>
        <source>評価の段階(&amp;R)…</source>
        <translation>&amp;Rating scale…</translation>
    </message>
    <message>
        <source>版(&amp;V)…</source>
        <translation type="vanished">&amp;Versions…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="273"/>
        <source>計画のある時点を版として残し、版どうしや現在の計画と比較します（新旧対照表）</source>
        <translation>Keep the plan as it is now as a version; compare versions with each other or with the current plan</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="393"/>
        <source>比較する版（工程表に灰色の枠）(&amp;B)</source>
        <translation>&amp;Baseline version (grey outlines on the schedule)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="331"/>
        <source>キーボード操作の一覧(&amp;K)</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="332"/>
        <source>はじめに(&amp;S)</source>
        <translation>Getting &amp;started</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="270"/>
        <source>計画のプロパティ(&amp;T)…</source>
        <translation>Plan proper&amp;ties…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="256"/>
        <source>元に戻す(&amp;U)</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="259"/>
        <source>やり直し(&amp;R)</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="297"/>
        <source>名前の変更(&amp;M)</source>
        <translation>Rena&amp;me</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="298"/>
        <source>複製(&amp;L)</source>
        <translation>Dup&amp;licate</translation>
    </message>
</context>
<context>
    <name>MonthPicker</name>
    <message>
        <location filename="../../dxeditor/ui/dialogs/bar_dialog.py" line="46"/>
        <source>{0}月</source>
        <translation>{0}</translation>
    </message>
</context>
<context>
    <name>NameDialog</name>
    <message>
        <location filename="../../dxeditor/ui/dialogs/department_dialogs.py" line="199"/>
        <source>部署名</source>
        <translation>Department name</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/department_dialogs.py" line="204"/>
        <source>（名前から判断）</source>
        <translation>(judge from name)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/department_dialogs.py" line="208"/>
        <source>種別</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/department_dialogs.py" line="211"/>
        <source>指定なし</source>
        <translation>Not specified</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/department_dialogs.py" line="212"/>
        <source>年度</source>
        <translation>Fiscal year</translation>
    </message>
</context>
<context>
    <name>NewPlanDialog</name>
    <message>
        <location filename="../../dxeditor/ui/dialogs/new_plan_dialog.py" line="77"/>
        <source>新規作成</source>
        <translation>New plan</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/new_plan_dialog.py" line="87"/>
        <source>空の計画</source>
        <translation>Blank plan</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/new_plan_dialog.py" line="87"/>
        <source>デモ計画（小樽市）</source>
        <translation>Demo plan (Otaru)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/new_plan_dialog.py" line="88"/>
        <source>国の計画の構成から</source>
        <translation>From the national plan structure</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/new_plan_dialog.py" line="99"/>
        <source>作成</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/new_plan_dialog.py" line="103"/>
        <source>新しい計画のもとを選んでください（見本の計画は公表された計画を入力したものです）</source>
        <translation>Choose what the new plan starts from (the example plans are published plans entered as they are)</translation>
    </message>
</context>
<context>
    <name>OutlineCommands</name>
    <message>
        <location filename="../../dxeditor/ui/outline_view.py" line="390"/>
        <location filename="../../dxeditor/ui/outline_view.py" line="392"/>
        <source>新しいセクション</source>
        <extracomment>The current item changed: (kind, id) or None.</extracomment>
        <translation>New section</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_view.py" line="399"/>
        <location filename="../../dxeditor/ui/outline_view.py" line="402"/>
        <location filename="../../dxeditor/ui/outline_view.py" line="406"/>
        <source>新しい取組</source>
        <translation>New initiative</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_view.py" line="409"/>
        <source>工程表の行を追加する取組（または行）を選んでください。</source>
        <translation>Select the initiative (or row) to add a schedule row to.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_view.py" line="413"/>
        <location filename="../../dxeditor/ui/outline_view.py" line="416"/>
        <location filename="../../dxeditor/ui/outline_view.py" line="421"/>
        <source>新しい行</source>
        <translation>New row</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_view.py" line="422"/>
        <source>セクションの追加</source>
        <translation>Add section</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_view.py" line="422"/>
        <source>取組の追加</source>
        <translation>Add initiative</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_view.py" line="423"/>
        <source>行の追加</source>
        <translation>Add row</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_view.py" line="445"/>
        <source>セクション {0} 件、取組 {1} 件、工程表の行 {2} 件を削除します。よろしいですか？
（削除は「元に戻す」で取り消せます）</source>
        <translation>Delete {0} section(s), {1} initiative(s) and {2} schedule row(s)?
(Undo can restore them.)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_view.py" line="448"/>
        <source>削除の確認</source>
        <translation>Confirm deletion</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_view.py" line="453"/>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_view.py" line="467"/>
        <source>複製</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_view.py" line="478"/>
        <source>上へ移動</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_view.py" line="478"/>
        <source>下へ移動</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_view.py" line="490"/>
        <source>字下げ</source>
        <translation>Indent</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_view.py" line="490"/>
        <source>字下げ解除</source>
        <translation>Outdent</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_view.py" line="511"/>
        <source>{0} 行をコピーしました</source>
        <translation>Copied {0} line(s)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_view.py" line="531"/>
        <location filename="../../dxeditor/ui/outline_view.py" line="553"/>
        <source>貼り付け</source>
        <translation>Paste</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_view.py" line="563"/>
        <source>{0} 行を貼り付けました</source>
        <translation>Pasted {0} line(s)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_view.py" line="516"/>
        <source>計画の末尾</source>
        <translation>the end of the plan</translation>
    </message>
</context>
<context>
    <name>OutlineModel</name>
    <message>
        <location filename="../../dxeditor/ui/outline_model.py" line="492"/>
        <source>番号</source>
        <extracomment>Tables whose changes touch only schedule rows of known initiatives (a row&apos;s departments, bars, milestones). Tables whose changes can rename a department (the outline shows the rows&apos; lead departments). The roles :meth:`OutlineModel.data` answers. The role under which each line&apos;s first-column item holds its :class:`Node`. The line&apos;s first-column item in the model (None until attached, and once removed). Emitted after a reset so views can restore expansion/selection. An edit or drop was refused: the message to show. A node (with its subtree) was inserted; views expand it. Items matching the find bar, drawn highlighted. The departments&apos; names for the rows&apos; lead column, read again after a change to departments.</extracomment>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_model.py" line="492"/>
        <source>名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_model.py" line="492"/>
        <source>主管課</source>
        <translation>Lead department</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_model.py" line="540"/>
        <source>名称の変更</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_model.py" line="602"/>
        <source>移動</source>
        <translation>Move</translation>
    </message>
</context>
<context>
    <name>PastePreview</name>
    <message>
        <location filename="../../dxeditor/ui/dialogs/paste_preview.py" line="25"/>
        <source>番号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/paste_preview.py" line="25"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/paste_preview.py" line="26"/>
        <source>主管課</source>
        <translation>Lead department</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/paste_preview.py" line="26"/>
        <source>関係課</source>
        <translation>Related departments</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/paste_preview.py" line="27"/>
        <source>備考</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/paste_preview.py" line="36"/>
        <source>貼り付けの確認</source>
        <translation>Paste preview</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/paste_preview.py" line="38"/>
        <source>{0} 行を「{1}」に貼り付けます。各列の取り込み先を確かめてください。</source>
        <translation>Paste {0} line(s) into &quot;{1}&quot;. Check where each column goes.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/paste_preview.py" line="45"/>
        <source>取り込み先</source>
        <translation>Goes to</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/paste_preview.py" line="48"/>
        <source>取り込まない</source>
        <translation>Not imported</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/paste_preview.py" line="94"/>
        <source>取り込まない列: {0}</source>
        <translation>Columns not imported: {0}</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/paste_preview.py" line="95"/>
        <source>すべての列を取り込みます。</source>
        <translation>Every column is imported.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/paste_preview.py" line="97"/>
        <source>「名称」にする列を選んでください。</source>
        <translation>Choose the column to use as the name.</translation>
    </message>
</context>
<context>
    <name>PdfOptionsDialog</name>
    <message>
        <location filename="../../dxeditor/ui/dialogs/pdf_dialogs.py" line="76"/>
        <source>最新の名称</source>
        <translation>Latest names</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/pdf_dialogs.py" line="78"/>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/pdf_dialogs.py" line="79"/>
        <source>用紙</source>
        <translation>Paper</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/pdf_dialogs.py" line="80"/>
        <source>年の表記</source>
        <translation>Year format</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/pdf_dialogs.py" line="81"/>
        <source>工程表の単位</source>
        <translation>Schedule unit</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/pdf_dialogs.py" line="82"/>
        <source>部署名の年度</source>
        <translation>Department names as of</translation>
    </message>
</context>
<context>
    <name>PlanPropertiesDialog</name>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="73"/>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="350"/>
        <source>計画の設定</source>
        <translation>Plan settings</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="82"/>
        <source>基本情報</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="83"/>
        <source>基本理念・目指す姿</source>
        <translation>Principles and vision</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="84"/>
        <source>工程区分</source>
        <translation>Schedule phases</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="86"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="87"/>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="102"/>
        <source>計画名</source>
        <translation>Plan title</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="102"/>
        <source>副題</source>
        <translation>Subtitle</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="102"/>
        <source>自治体名</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="103"/>
        <source>発行部署</source>
        <translation>Issuing department</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="103"/>
        <source>版</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="104"/>
        <source>策定日（表記どおり）</source>
        <translation>Date adopted (as written)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="104"/>
        <source>期間の表記（任意）</source>
        <translation>Period text (optional)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="110"/>
        <source>例: 令和5年11月</source>
        <translation>e.g. 令和5年11月 / November 2023</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="111"/>
        <source>例: Ver.2.0</source>
        <translation>e.g. Ver.2.0</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="112"/>
        <source>例: 令和3年11月〜令和8年3月（年度単位でないとき）</source>
        <translation>e.g. 令和3年11月〜令和8年3月 (when not in whole fiscal years)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="119"/>
        <source>〜</source>
        <translation>–</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="122"/>
        <source>計画期間</source>
        <translation>Plan period</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="128"/>
        <source>年度の表記</source>
        <translation>Fiscal year format</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="131"/>
        <source>見出しの例</source>
        <translation>Heading example</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="136"/>
        <source>なし</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="145"/>
        <source>取組の番号</source>
        <translation>Initiative numbering</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="147"/>
        <source>番号の例</source>
        <translation>Numbering example</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="170"/>
        <source>基本理念</source>
        <translation>Basic principles</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="171"/>
        <source>目指す姿</source>
        <translation>Vision</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="177"/>
        <source>名前</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="177"/>
        <source>色</source>
        <translation>Color</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="177"/>
        <source>模様</source>
        <translation>Pattern</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="177"/>
        <source>使用数</source>
        <translation>Uses</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="187"/>
        <source>追加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="187"/>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="188"/>
        <source>上へ</source>
        <translation>Up</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="189"/>
        <source>下へ</source>
        <translation>Down</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="190"/>
        <source>色を選択…</source>
        <translation>Choose color…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="196"/>
        <source>白黒印刷でも区別できるよう、区分ごとに模様を変えてください。</source>
        <translation>Give each phase a different pattern so they can be told apart in black-and-white prints.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="251"/>
        <source>新しい区分</source>
        <translation>New phase</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="266"/>
        <source>工程区分「{0}」は {1} 本の工程で使われているため削除できません。工程の区分を変更してから削除してください。</source>
        <translation>The schedule phase &quot;{0}&quot; cannot be deleted because {1} schedule item(s) use it. Change their phase first, then delete it.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="284"/>
        <source>工程区分の色</source>
        <translation>Schedule phase color</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="312"/>
        <source>（番号なし）</source>
        <translation>(no number)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="342"/>
        <source>計画の設定の変更</source>
        <translation>Change plan settings</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="138"/>
        <source>セクションごとに 1 から数え直す</source>
        <translation>Restart at 1 in each section</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/plan_properties.py" line="311"/>
        <source>{0}&#x3000;{1}&#x3000;（次のセクション）{2}</source>
        <translation>{0}  {1}  (next section) {2}</translation>
    </message>
</context>
<context>
    <name>ProgressView</name>
    <message>
        <location filename="../../dxeditor/ui/progress/install.py" line="28"/>
        <source>工程表</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/install.py" line="29"/>
        <source>進捗管理</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/models.py" line="127"/>
        <location filename="../../dxeditor/ui/progress/models.py" line="263"/>
        <source>取組</source>
        <extracomment>Tables whose changes the progress view reloads for. The initiative the line belongs to (itself for an initiative line). Schedule rows are rated too (a line under their initiative).</extracomment>
        <translation>Initiative</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/models.py" line="164"/>
        <source>未評価（A〜D を入力）</source>
        <translation>Not rated (type A–D)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/models.py" line="165"/>
        <source>未評価</source>
        <translation>Not rated</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/view.py" line="91"/>
        <location filename="../../dxeditor/ui/progress/models.py" line="166"/>
        <source>実績・成果</source>
        <translation>Results</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/view.py" line="91"/>
        <location filename="../../dxeditor/ui/progress/models.py" line="166"/>
        <source>課題</source>
        <translation>Issues</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/view.py" line="91"/>
        <location filename="../../dxeditor/ui/progress/models.py" line="167"/>
        <source>今後の方向性</source>
        <translation>Next steps</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/models.py" line="171"/>
        <source>入力: {0} {1}</source>
        <translation>Entered: {0} {1}</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/models.py" line="194"/>
        <source>進捗評価の入力</source>
        <translation>Enter ratings</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/models.py" line="263"/>
        <source>成果目標</source>
        <translation>KPI</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/models.py" line="263"/>
        <source>単位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/models.py" line="263"/>
        <source>基準値</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/models.py" line="265"/>
        <source>目標</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/models.py" line="265"/>
        <source>実績</source>
        <translation>Actual</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/models.py" line="268"/>
        <source>達成率</source>
        <translation>Achievement</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/models.py" line="269"/>
        <source>前年比</source>
        <translation>vs. last year</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/models.py" line="269"/>
        <source>推移</source>
        <translation>Trend</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/models.py" line="289"/>
        <source>（最終目標）</source>
        <translation>(final target)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/models.py" line="291"/>
        <source>下がるほど良い指標</source>
        <translation>Lower is better</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/models.py" line="346"/>
        <source>成果目標の実績・目標の入力</source>
        <translation>Enter KPI actuals and targets</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/report_dialog.py" line="25"/>
        <source>進捗状況報告</source>
        <translation>Progress report</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/report_dialog.py" line="25"/>
        <source>報告する年度</source>
        <translation>Fiscal year to report</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/report_dialog.py" line="33"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/report_dialog.py" line="33"/>
        <source>Excel ブック (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/report_dialog.py" line="34"/>
        <source>進捗状況報告の書き出し</source>
        <translation>Export progress report</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/report_dialog.py" line="47"/>
        <location filename="../../dxeditor/ui/progress/report_dialog.py" line="55"/>
        <source>書き出しました: {0}</source>
        <translation>Exported: {0}</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/view.py" line="70"/>
        <source>評価年度</source>
        <extracomment>The review the texts below the grid show: (line kind, id, fiscal year).</extracomment>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/view.py" line="73"/>
        <source>工程表の行も評価する(&amp;W)</source>
        <translation>Rate schedule ro&amp;ws too</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/view.py" line="75"/>
        <source>取組の下に工程表の行を並べ、行ごとに評価と内容を入力します</source>
        <translation>Lists the schedule rows under their initiatives, to rate each row and enter its review</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/view.py" line="88"/>
        <location filename="../../dxeditor/ui/progress/view.py" line="287"/>
        <source>評価の内容</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/view.py" line="100"/>
        <source>反映</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/view.py" line="116"/>
        <source>下がるほど良い指標（待ち時間など）</source>
        <translation>Lower is better (waiting times etc.)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/view.py" line="201"/>
        <source>（セルを選んで記号を入力。Delete で消去）</source>
        <extracomment>The plan is read when the view is first needed (shown, or its tab chosen), not at start-up: it sits in a tab behind the schedule, and reading a large plan&apos;s progress takes a while.</extracomment>
        <translation>(select a cell and type the letter; Delete clears)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/view.py" line="294"/>
        <source>入力: {0}&#x3000;{1}</source>
        <translation>Entered: {0}  {1}</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/view.py" line="310"/>
        <source>成果目標の向きの変更</source>
        <translation>Change KPI direction</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/view.py" line="331"/>
        <source>評価の内容の入力</source>
        <translation>Enter review</translation>
    </message>
</context>
<context>
    <name>RatingScaleDialog</name>
    <message>
        <location filename="../../dxeditor/ui/progress/scale_dialog.py" line="33"/>
        <source>評価の段階</source>
        <translation>Rating scale</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/scale_dialog.py" line="35"/>
        <source>記号</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/scale_dialog.py" line="35"/>
        <source>意味</source>
        <translation>Meaning</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/scale_dialog.py" line="35"/>
        <source>色 (#rrggbb)</source>
        <translation>Colour (#rrggbb)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/scale_dialog.py" line="38"/>
        <source>追加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/scale_dialog.py" line="38"/>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/scale_dialog.py" line="39"/>
        <source>既定（A〜D）に戻す</source>
        <translation>Back to the default (A–D)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/scale_dialog.py" line="51"/>
        <source>良い順に並べます。後半の段階（既定では C・D）は工程表で遅れとして示します。</source>
        <translation>Best first. The worse half (C and D by default) is marked as late on the schedule.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/progress/scale_dialog.py" line="85"/>
        <source>評価の段階の変更</source>
        <translation>Change rating scale</translation>
    </message>
</context>
<context>
    <name>ReadOnlyBanner</name>
    <message>
        <location filename="../../dxeditor/ui/read_only.py" line="46"/>
        <source>別の名前で保存して編集(&amp;W)…</source>
        <translation>Save under another name to edit…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/read_only.py" line="56"/>
        <source>読み取り専用で開いています（{0}さんが編集中）。変更はできません。</source>
        <translation>Open read-only ({0} is editing it). No changes can be made.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/read_only.py" line="58"/>
        <source>読み取り専用で開いています。変更はできません。</source>
        <translation>Open read-only. No changes can be made.</translation>
    </message>
</context>
<context>
    <name>RecordTable</name>
    <message>
        <location filename="../../dxeditor/ui/kpi_table.py" line="66"/>
        <location filename="../../dxeditor/ui/kpi_table.py" line="130"/>
        <location filename="../../dxeditor/ui/kpi_table.py" line="204"/>
        <source>追加</source>
        <extracomment>An edit was refused: the message to show.</extracomment>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/kpi_table.py" line="67"/>
        <location filename="../../dxeditor/ui/kpi_table.py" line="131"/>
        <location filename="../../dxeditor/ui/kpi_table.py" line="219"/>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/kpi_table.py" line="68"/>
        <location filename="../../dxeditor/ui/kpi_table.py" line="132"/>
        <source>上へ</source>
        <translation>Up</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/kpi_table.py" line="69"/>
        <location filename="../../dxeditor/ui/kpi_table.py" line="133"/>
        <source>下へ</source>
        <translation>Down</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/kpi_table.py" line="172"/>
        <source>成果目標</source>
        <translation>KPI</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/kpi_table.py" line="172"/>
        <source>根拠・関連計画</source>
        <translation>References</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/kpi_table.py" line="184"/>
        <source>変更</source>
        <translation>change</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/kpi_table.py" line="195"/>
        <source>期限 {0} は計画期間（{1}〜{2}）の外です。入力した値はそのまま保存しました。</source>
        <translation>The deadline {0} lies outside the plan period ({1}–{2}). The value was saved as entered.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/kpi_table.py" line="227"/>
        <source>並べ替え</source>
        <translation>reorder</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/kpi_table.py" line="236"/>
        <source>成果目標（指標）</source>
        <translation>KPI (indicator)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/kpi_table.py" line="237"/>
        <source>現状値</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/kpi_table.py" line="238"/>
        <source>目標値</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/kpi_table.py" line="239"/>
        <source>単位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/kpi_table.py" line="241"/>
        <source>目標（文字）</source>
        <translation>Target (text)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/kpi_table.py" line="242"/>
        <source>期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/kpi_table.py" line="243"/>
        <source>期限の年度</source>
        <translation>Deadline FY</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/kpi_table.py" line="250"/>
        <source>名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/kpi_table.py" line="250"/>
        <source>日付</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/kpi_table.py" line="250"/>
        <source>備考</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/kpi_table.py" line="140"/>
        <source>実績を追加</source>
        <translation>Add actual</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/kpi_table.py" line="240"/>
        <source>現状（文字）</source>
        <translation>Baseline (text)</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../dxeditor/ui/recovery.py" line="39"/>
        <source>保存されていない作業の復元</source>
        <translation>Recover unsaved work</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/recovery.py" line="42"/>
        <source>前回、dxeditor が保存せずに終了しました。次の計画に保存されていない編集があります。
復元すると、編集した内容を開きます（保存するまではファイルは変わりません）。</source>
        <translation>dxeditor ended without saving last time. These plans have unsaved edits.
Restoring opens the edited plan (the file does not change until you save).</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/recovery.py" line="52"/>
        <source>復元する(&amp;R)</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/recovery.py" line="53"/>
        <source>破棄する(&amp;D)</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/recovery.py" line="54"/>
        <source>後で(&amp;L)</source>
        <translation>&amp;Later</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/recovery.py" line="26"/>
        <source>無題</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/recovery.py" line="29"/>
        <source>{0}  —  最終編集 {1}  {2}</source>
        <translation>{0}  —  last edited {1}  {2}</translation>
    </message>
</context>
<context>
    <name>RowForm</name>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="411"/>
        <source>例: 令和7年度</source>
        <translation>e.g. 令和7年度 / 2025</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="419"/>
        <source>工程表の行</source>
        <translation>Schedule row</translation>
    </message>
    <message>
        <source>名称(&amp;T)</source>
        <translation type="vanished">&amp;Title</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="423"/>
        <source>備考(&amp;O)</source>
        <translation>N&amp;ote</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="424"/>
        <source>主管課(&amp;L)</source>
        <translation>&amp;Lead department</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="425"/>
        <source>関係課(&amp;R)</source>
        <translation>&amp;Related departments</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="426"/>
        <source>国が掲げる目標時期(&amp;G)</source>
        <translation>National tar&amp;get</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="458"/>
        <source>（なし）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="497"/>
        <source>行の名称の変更</source>
        <translation>Rename row</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="497"/>
        <source>備考の変更</source>
        <translation>Change note</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="512"/>
        <source>国が掲げる目標時期の変更</source>
        <translation>Change national target</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="521"/>
        <source>担当課の変更</source>
        <translation>Change departments</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="422"/>
        <source>名称(&amp;M)</source>
        <translation>Na&amp;me</translation>
    </message>
</context>
<context>
    <name>ScheduleCanvas</name>
    <message>
        <location filename="../../dxeditor/ui/schedule/canvas.py" line="409"/>
        <source>（継続）</source>
        <translation> (continues)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/canvas.py" line="429"/>
        <source>遅れ: {0}の評価が「{1}」</source>
        <translation>Late: rated “{1}” for {0}</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/canvas.py" line="432"/>
        <source>遅れ: {0}の状況が「{1}」</source>
        <translation>Late: status “{1}” for {0}</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/canvas.py" line="434"/>
        <source>期間が {0} に終わりましたが、完了の報告がありません</source>
        <translation>Its period ended in {0}, but no completion has been reported</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/canvas.py" line="514"/>
        <source>ラベルの変更</source>
        <translation>Change label</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/canvas.py" line="516"/>
        <source>節目の名称変更</source>
        <translation>Rename milestone</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/bar_dialog.py" line="156"/>
        <source>工程の編集</source>
        <translation>Edit schedule item</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/keyboard.py" line="230"/>
        <source>工程の追加</source>
        <translation>Add schedule item</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/keyboard.py" line="280"/>
        <source>工程の期間変更</source>
        <translation>Change schedule item period</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/keyboard.py" line="283"/>
        <source>工程の移動</source>
        <translation>Move schedule item</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/keyboard.py" line="288"/>
        <source>工程の段の変更</source>
        <translation>Change lane</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/keyboard.py" line="292"/>
        <source>工程の削除</source>
        <translation>Delete schedule item</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/keyboard.py" line="388"/>
        <location filename="../../dxeditor/ui/schedule/keyboard.py" line="394"/>
        <location filename="../../dxeditor/ui/schedule/keyboard.py" line="401"/>
        <source>工程表</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/keyboard.py" line="388"/>
        <source>Excel の表は、左の一覧（アウトライン）に貼り付けてください。</source>
        <translation>Paste tables from Excel into the outline on the left.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/keyboard.py" line="398"/>
        <source>貼り付け</source>
        <translation>Paste</translation>
    </message>
</context>
<context>
    <name>ScheduleMenu</name>
    <message>
        <location filename="../../dxeditor/ui/schedule/menu.py" line="60"/>
        <source>詳細（期間・種類・段・ラベル）…</source>
        <translation>Details (period, phase, lane, label)…</translation>
    </message>
</context>
<context>
    <name>ScheduleView</name>
    <message>
        <location filename="../../dxeditor/ui/schedule/view.py" line="30"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/view.py" line="31"/>
        <source>半期</source>
        <translation>Half</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/view.py" line="32"/>
        <source>四半期</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/view.py" line="33"/>
        <source>月</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/view.py" line="87"/>
        <source>工程表</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/view.py" line="283"/>
        <source>表示単位: {0}</source>
        <translation>Display unit: {0}</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/view.py" line="287"/>
        <source>今日</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/view.py" line="288"/>
        <source>今日の位置へ移動</source>
        <translation>Go to today</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/view.py" line="290"/>
        <source>凡例</source>
        <translation>Legend</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/view.py" line="293"/>
        <source>拡大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/schedule/view.py" line="297"/>
        <source>縮小</source>
        <translation>Zoom out</translation>
    </message>
</context>
<context>
    <name>SectionForm</name>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="331"/>
        <source>セクション</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>名称(&amp;T)</source>
        <translation type="vanished">&amp;Title</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="335"/>
        <source>種類(&amp;K)</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="336"/>
        <source>説明(&amp;D)</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="338"/>
        <source>種類の変更</source>
        <translation>Change kind</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="387"/>
        <source>セクション名の変更</source>
        <translation>Rename section</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="396"/>
        <source>説明の変更</source>
        <translation>Change description</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="334"/>
        <source>名称(&amp;M)</source>
        <translation>Na&amp;me</translation>
    </message>
</context>
<context>
    <name>ServerBridge</name>
    <message>
        <location filename="../../dxeditor/ui/server_link.py" line="87"/>
        <source>{0} さんの変更を反映しました</source>
        <translation>Changes by {0} are shown</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/server_link.py" line="109"/>
        <source>この計画はサーバーで新しく公開し直されたため、開き直しました</source>
        <translation>The plan was published anew on the server and has been opened again</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/server_link.py" line="110"/>
        <source>計画が公開し直されました</source>
        <translation>The plan was published anew</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/server_link.py" line="111"/>
        <source>この計画はサーバーで新しく公開し直されました（ファイルからの置き換え）。新しい内容で開き直しました。元に戻す履歴はありません。</source>
        <translation>This plan was published anew on the server (replaced from a file). It has been opened again with the new content; the undo history starts afresh.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/server_link.py" line="116"/>
        <source>計画がサーバーから削除されました</source>
        <translation>The plan was removed from the server</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/server_link.py" line="117"/>
        <source>この計画はサーバーから削除されました。画面の内容は読み取り専用で残してあります。残す場合は「名前を付けて保存」でファイルにしてください。</source>
        <translation>This plan was removed from the server. The window keeps its content read-only; to keep it, save it as a file with Save As.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/server_link.py" line="159"/>
        <source>サーバーにつながりました。この PC に保存していた変更を送りました</source>
        <translation>Connected to the server again. The changes kept on this PC were sent</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/server_link.py" line="163"/>
        <source>サーバーに送れなかった変更</source>
        <translation>Changes not sent to the server</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/server_link.py" line="164"/>
        <source>サーバーにつながらない間の変更のうち {0} 件は、ほかの人の変更と重なったため保存しませんでした。画面はサーバーの今の内容です。詳細に、入力した内容があります。</source>
        <translation>{0} of the changes made while the server was away collided with someone else&apos;s changes and were not saved. The window shows the server&apos;s current plan. The details list what you entered.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/server_link.py" line="173"/>
        <source>サーバー: {0}</source>
        <translation>Server: {0}</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/server_link.py" line="176"/>
        <source>サーバーにつながりません — 変更 {0} 件をこの PC に保存しています（つながると送ります）</source>
        <translation>No connection to the server — {0} change(s) kept on this PC (sent when it answers again)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/server_link.py" line="215"/>
        <source>サーバーから計画を読み込んでいます…</source>
        <translation>Reading the plan from the server…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/server_link.py" line="229"/>
        <source>未送信の変更を読めません</source>
        <translation>Changes not yet sent cannot be read</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/server_link.py" line="230"/>
        <source>この PC に保存していた未送信の変更のファイルが壊れていたため、送れませんでした。ファイルは消さずに残してあります: {0}</source>
        <translation>The file of changes kept on this PC for the server is damaged, so they could not be sent. The file is kept, not deleted: {0}</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="93"/>
        <source>サーバーの計画を開く</source>
        <translation>Open a Plan from the Server</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="110"/>
        <source>例: dbserver.example.lg.jp</source>
        <translation>e.g. dbserver.example.lg.jp</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="117"/>
        <source>例: dxplans</source>
        <translation>e.g. dxplans</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="120"/>
        <source>証明書とサーバー名を確かめて暗号化する（推奨）</source>
        <translation>encrypt, checking the server&apos;s certificate and name (recommended)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="121"/>
        <source>暗号化する（サーバーは確かめない）</source>
        <translation>encrypt without checking the server</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="122"/>
        <source>できれば暗号化する</source>
        <translation>encrypt if the server can</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="129"/>
        <source>パスワードをこの PC に保存する (Windows の資格情報マネージャー)(&amp;K)</source>
        <translation>&amp;Keep the password on this PC (Windows Credential Manager)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="133"/>
        <source>この環境ではパスワードを保存できません。開くたびに入力してください。</source>
        <translation>Passwords cannot be kept on this system; enter it each time.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="135"/>
        <source>サーバー(&amp;S):</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="136"/>
        <source>ポート(&amp;P):</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="137"/>
        <source>データベース(&amp;D):</source>
        <translation>&amp;Database:</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="138"/>
        <source>ユーザー名(&amp;U):</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="139"/>
        <source>接続の暗号化(&amp;E):</source>
        <translation>&amp;Encryption:</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="141"/>
        <source>パスワード(&amp;W):</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="144"/>
        <source>一覧を取得(&amp;L)</source>
        <translation>&amp;List Plans</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="155"/>
        <source>計画の名前</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="155"/>
        <source>団体名</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="155"/>
        <source>識別子</source>
        <translation>Identifier</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="156"/>
        <source>公開日時</source>
        <translation>Published</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="156"/>
        <source>公開した人</source>
        <translation>Published by</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="171"/>
        <source>開く(&amp;O)</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="172"/>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="236"/>
        <source>サーバー</source>
        <translation>server name</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="236"/>
        <source>データベース</source>
        <translation>database name</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="237"/>
        <source>ユーザー名</source>
        <translation>user name</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="239"/>
        <source>{0}を入力してください。</source>
        <translation>Enter the {0}.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="244"/>
        <source>通信を暗号化し、サーバーの証明書が自治体の認証局のものであることとサーバー名を確かめます。通常はこれを使います。</source>
        <translation>Encrypts the connection and checks that the server&apos;s certificate comes from the municipality&apos;s certificate authority and names this server. Use this normally.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="246"/>
        <source>通信を暗号化しますが、接続先が本物のサーバーかは確かめません。最初の試験だけに使ってください。</source>
        <translation>Encrypts the connection but does not check that the server is the real one. Use it only for a first test.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="247"/>
        <source>サーバーが対応していれば暗号化し、対応していなければ暗号化せずに接続します。閉じたネットワークの中で管理者が認めた場合だけ使ってください。</source>
        <translation>Encrypts when the server supports it and otherwise connects unencrypted. Use it only inside a closed network when the administrator allows it.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="305"/>
        <source>サーバーに接続しています…</source>
        <translation>Connecting to the server…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="335"/>
        <source>{0} 件の計画があります。</source>
        <translation>{0} plans on the server.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="336"/>
        <source>このデータベースにはまだ計画が公開されていません。</source>
        <translation>No plan has been published in this database yet.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="342"/>
        <source>ユーザー名かパスワードが違います。</source>
        <translation>The user name or the password is wrong.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="343"/>
        <source>パスワードを入力してください。</source>
        <translation>Enter the password.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="345"/>
        <source>サーバーが見つかりません。サーバー名を確かめてください。</source>
        <translation>The server was not found; check the server name.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="346"/>
        <source>サーバーが {0} 秒以内に応答しませんでした。サーバー名、ポートとネットワークを確かめてください。</source>
        <translation>The server did not answer within {0} seconds; check the server name, the port and the network.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="349"/>
        <source>サーバーが接続を受け付けていません。サーバー名とポートを確かめ、管理者に確認してください。</source>
        <translation>The server does not accept the connection; check the server name and the port, and ask the administrator.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="350"/>
        <source>このユーザー名はサーバーに登録されていません。</source>
        <translation>This user name is not known to the server.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="352"/>
        <source>このデータベースはサーバーにありません。データベース名を確かめてください。</source>
        <translation>The server has no such database; check the database name.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="354"/>
        <source>このユーザーはこの PC からの接続を許されていません。管理者に確認してください。</source>
        <translation>This user may not connect from this PC; ask the administrator.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="355"/>
        <source>サーバーの証明書を確かめるためのルート証明書がこの PC にありません（%APPDATA%\postgresql\root.crt）。管理者に確認してください。</source>
        <translation>This PC lacks the root certificate that checks the server&apos;s certificate (%APPDATA%\postgresql\root.crt); ask the administrator.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="358"/>
        <source>サーバーの証明書を確かめられませんでした。管理者に確認してください。</source>
        <translation>The server&apos;s certificate could not be verified; ask the administrator.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="359"/>
        <source>サーバーが暗号化 (TLS) に対応していません。管理者に確認してください。</source>
        <translation>The server does not support encryption (TLS); ask the administrator.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="361"/>
        <source>接続先は PostgreSQL のサーバーではないようです。サーバー名とポートを確かめてください。</source>
        <translation>That does not seem to be a PostgreSQL server; check the server name and the port.</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <location filename="../../dxeditor/ui/dialogs/department_dialogs.py" line="241"/>
        <source>1行に1つずつ入力</source>
        <translation>One per line</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/department_dialogs.py" line="242"/>
        <source>新しい部署名</source>
        <translation>New department names</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/department_dialogs.py" line="245"/>
        <source>統合後の部署名</source>
        <translation>Merged department name</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/department_dialogs.py" line="247"/>
        <source>新体制の開始年度</source>
        <translation>Fiscal year the new structure starts</translation>
    </message>
</context>
<context>
    <name>VersionEditDialog</name>
    <message>
        <location filename="../../dxeditor/ui/dialogs/version_forms.py" line="115"/>
        <source>版の名前(&amp;L)</source>
        <translation>&amp;Label</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/version_forms.py" line="116"/>
        <source>日付(&amp;D)</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/version_forms.py" line="117"/>
        <source>メモ(&amp;M)</source>
        <translation>&amp;Memo</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/version_forms.py" line="118"/>
        <source>日付は印刷されるとおりに書きます（例: 令和4年3月策定、令和6年3月改定）。</source>
        <translation>Write the date as it is printed (e.g. 令和4年3月策定, 令和6年3月改定).</translation>
    </message>
</context>
<context>
    <name>VersionWindow</name>
    <message>
        <location filename="../../dxeditor/ui/version_window.py" line="42"/>
        <source>版「{0}」{1}を読み取り専用で表示しています。この画面では編集も保存もできません。編集するには、版の管理で「新しい計画として復元」を選んでください。</source>
        <translation>Version “{0}” {1} is shown read-only: it cannot be edited or saved here. To edit it, choose “Restore as a new plan” in the versions dialog.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/version_window.py" line="88"/>
        <source>版 {0}{1} — {2} — 読み取り専用 — dxeditor</source>
        <translation>Version {0}{1} — {2} — read-only — dxeditor</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/version_window.py" line="90"/>
        <source>版 {0}（読み取り専用）</source>
        <translation>Version {0} (read-only)</translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message>
        <location filename="../../dxeditor/ui/dialogs/versions_dialog.py" line="59"/>
        <source>版の管理</source>
        <translation>Versions</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/versions_dialog.py" line="60"/>
        <source>版は、ある時点の計画全体（本文・成果目標・工程表・部署・用語）を計画ファイルの中に残したものです。版の内容は変更できません。</source>
        <translation>A version keeps the whole plan as it was (text, KPIs, schedule, departments, glossary) inside the plan file. Its content cannot be changed.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/versions_dialog.py" line="68"/>
        <source>版</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/versions_dialog.py" line="68"/>
        <source>日付</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/versions_dialog.py" line="68"/>
        <source>メモ</source>
        <translation>Memo</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/versions_dialog.py" line="68"/>
        <source>作成者</source>
        <translation>Made by</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/versions_dialog.py" line="69"/>
        <source>作成日時</source>
        <translation>Made at</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/versions_dialog.py" line="74"/>
        <source>この計画の版(&amp;V)</source>
        <translation>&amp;Versions of this plan</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/versions_dialog.py" line="78"/>
        <source>現在の計画を版として保存(&amp;S)…</source>
        <translation>&amp;Save the current plan as a version…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/versions_dialog.py" line="79"/>
        <source>名前・日付を変更(&amp;R)…</source>
        <translation>&amp;Rename / change date…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/versions_dialog.py" line="80"/>
        <source>削除(&amp;D)</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/versions_dialog.py" line="81"/>
        <source>比較(&amp;C)…</source>
        <translation>&amp;Compare…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/versions_dialog.py" line="82"/>
        <source>新しい計画として復元(&amp;N)…</source>
        <translation>Restore as a &amp;new plan…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/versions_dialog.py" line="83"/>
        <source>読み取り専用で開く(&amp;O)</source>
        <translation>&amp;Open read-only</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/versions_dialog.py" line="84"/>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/versions_dialog.py" line="105"/>
        <source>元に戻す</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/versions_dialog.py" line="107"/>
        <source>やり直し</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/versions_dialog.py" line="206"/>
        <source>版の作成（{0}）</source>
        <translation>Make version ({0})</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/versions_dialog.py" line="211"/>
        <source>現在の計画を版として保存</source>
        <translation>Save the current plan as a version</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/versions_dialog.py" line="229"/>
        <source>版の名前・日付の変更（{0}）</source>
        <translation>Rename version ({0})</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/versions_dialog.py" line="233"/>
        <source>版の名前・日付を変更</source>
        <translation>Rename version</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/versions_dialog.py" line="249"/>
        <source>版の削除</source>
        <translation>Delete version</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/versions_dialog.py" line="250"/>
        <source>版「{0}」を削除しますか？
（元に戻す Ctrl+Z で取り消せます。保存すると計画ファイルからなくなります。）</source>
        <translation>Delete version “{0}”?
(Undo with Ctrl+Z; once saved it is gone from the plan file.)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/versions_dialog.py" line="254"/>
        <source>版の削除（{0}）</source>
        <translation>Delete version ({0})</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/versions_dialog.py" line="271"/>
        <source>同じものどうしは比較できません。別の版を選んでください。</source>
        <translation>Choose two different sides to compare.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/versions_dialog.py" line="278"/>
        <source>現在</source>
        <translation>Current</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/versions_dialog.py" line="287"/>
        <source>比較しています…</source>
        <translation>Comparing…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/versions_dialog.py" line="313"/>
        <source>備考の変更</source>
        <translation>Change notes</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/versions_dialog.py" line="326"/>
        <source>版を新しい計画として保存</source>
        <translation>Save the version as a new plan</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/versions_dialog.py" line="327"/>
        <source>dxeditor 計画ファイル (*.dxplan)</source>
        <translation>dxeditor plan files (*.dxplan)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/versions_dialog.py" line="351"/>
        <source>版を復元しています…</source>
        <translation>Restoring the version…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/versions_dialog.py" line="359"/>
        <source>版の復元</source>
        <translation>Restore version</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/versions_dialog.py" line="360"/>
        <source>版「{0}」を新しい計画として保存しました:
{1}

この計画を開きますか？</source>
        <translation>Version “{0}” was saved as a new plan:
{1}

Open it?</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/versions_dialog.py" line="385"/>
        <source>版を開いています…</source>
        <translation>Opening the version…</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../dxeditor/ui/recovery.py" line="89"/>
        <source>破棄の確認</source>
        <translation>Confirm discard</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/recovery.py" line="90"/>
        <source>保存されていない編集を破棄します。元に戻せません。よろしいですか？</source>
        <translation>Discard the unsaved edits? This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/department_dialogs.py" line="66"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/department_dialogs.py" line="67"/>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>dlg</name>
    <message>
        <location filename="../../dxeditor/ui/dialogs/excel_dialogs.py" line="125"/>
        <source>Excel に書き出し</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/excel_dialogs.py" line="126"/>
        <source>Excel ブック (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/excel_dialogs.py" line="134"/>
        <source>Excel に書き出しています…</source>
        <translation>Exporting to Excel…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/excel_dialogs.py" line="142"/>
        <source>書き出しました（注意があります）:
</source>
        <translation>Exported, with warnings:
</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/inquiry_dialogs.py" line="193"/>
        <source>{n} 部署の照会ブックを書き出しました。
{folder}</source>
        <translation>Exported inquiry workbooks for {n} department(s).
{folder}</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../dxeditor/ui/dialogs/excel_dialogs.py" line="305"/>
        <source>Excel から取り込み</source>
        <translation>Import from Excel</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/excel_dialogs.py" line="306"/>
        <source>Excel ブック (*.xlsx *.xlsm)</source>
        <translation>Excel workbook (*.xlsx *.xlsm)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/excel_dialogs.py" line="312"/>
        <source>ブックを読み込んでいます…</source>
        <translation>Reading the workbook…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/excel_dialogs.py" line="334"/>
        <source>計画を作成しています…</source>
        <translation>Creating the plan…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/inquiry_dialogs.py" line="201"/>
        <source>回答ブックを選択</source>
        <translation>Select answer workbooks</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/inquiry_dialogs.py" line="202"/>
        <source>Excel ブック (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/inquiry_dialogs.py" line="208"/>
        <source>回答ブックを確かめています…</source>
        <translation>Checking the answer workbooks…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/pdf_dialogs.py" line="128"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/pdf_dialogs.py" line="133"/>
        <source>ページを組んでいます…</source>
        <translation>Laying out the pages…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/pdf_dialogs.py" line="145"/>
        <source>PDF に書き出す</source>
        <translation>Export to PDF</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/pdf_dialogs.py" line="146"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/pdf_dialogs.py" line="153"/>
        <source>PDF に書き出しています…</source>
        <translation>Exporting to PDF…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/dialogs/server_dialog.py" line="443"/>
        <source>この版ではサーバーの計画をウィンドウで開けません。</source>
        <translation>This version cannot open a server plan in the window.</translation>
    </message>
</context>
</TS>
