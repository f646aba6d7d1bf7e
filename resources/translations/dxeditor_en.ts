<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="ja">
<context>
    <name>CrashReport</name>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="345" />
        <source>予期しないエラーが発生しました。</source>
        <translation>An unexpected error occurred.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="346" />
        <source>編集内容は作業用コピーに保存されています。保存してから作業を続けてください。</source>
        <translation>Your edits are kept in the working copy. Save the plan, then carry on.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="349" />
        <source>ログ: {0}</source>
        <translation>Log: {0}</translation>
    </message>
</context>
<context>
    <name>FileHandling</name>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="104" />
        <source>古いロック</source>
        <translation>Stale lock</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="105" />
        <source>ロックは古いようです（相手のプログラムは終了しています）。編集を引き継ぎますか？</source>
        <translation>The lock looks stale (the other program has ended). Take over editing?</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="111" />
        <source>読み取り専用で開きました。</source>
        <translation>Opened read-only.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="133" />
        <source>保存の確認</source>
        <translation>Save changes?</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="134" />
        <source>「{0}」への変更を保存しますか？</source>
        <translation>Save the changes to "{0}"?</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="181" />
        <source>計画を開く</source>
        <translation>Open plan</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="200" />
        <source>古い形式のファイルを変換しました（元のファイルは {0}）</source>
        <translation>Converted an older file (original kept as {0})</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="212" />
        <source>（なし）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="228" />
        <source>無題</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="229" />
        <source>名前を付けて保存</source>
        <translation>Save as</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="246" />
        <source>上書きの確認</source>
        <translation>Confirm overwrite</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="247" />
        <source>上書きしますか？</source>
        <translation>Overwrite it?</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="264" />
        <source>保存しました: {0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="272" />
        <source>JSON からインポート</source>
        <translation>Import from JSON</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="292" />
        <source>JSON にエクスポート</source>
        <translation>Export to JSON</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/window_files.py" line="302" />
        <source>書き出しました: {0}</source>
        <translation>Exported: {0}</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../dxeditor/ui/find_bar.py" line="33" />
        <source>検索（名称・本文・成果目標）</source>
        <translation>Search (titles, text, KPIs)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/find_bar.py" line="41" />
        <source>検索を閉じる (Esc)</source>
        <translation>Close search (Esc)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/find_bar.py" line="43" />
        <source>SDGs: すべて</source>
        <translation>SDGs: all</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/find_bar.py" line="46" />
        <source>国の取組: すべて</source>
        <translation>National item: all</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/find_bar.py" line="89" />
        <source>部署: すべて</source>
        <translation>Department: all</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/find_bar.py" line="112" />
        <source>{0} 件</source>
        <translation>{0} found</translation>
    </message>
</context>
<context>
    <name>InitiativeForm</name>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="124" />
        <location filename="../../dxeditor/ui/initiative_form.py" line="168" />
        <source>（なし）</source>
        <extracomment>An edit was refused: the message to show.</extracomment>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="150" />
        <location filename="../../forms/initiative_form.ui" line="46" />
        <source>自動</source>
        <translation>auto</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="238" />
        <source>取組名の変更</source>
        <translation>Rename initiative</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="243" />
        <source>番号の変更</source>
        <translation>Change number</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="247" />
        <source>国の計画の取組事項の変更</source>
        <translation>Change national plan item</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="262" />
        <source>国が掲げる目標時期の変更</source>
        <translation>Change national target</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="268" />
        <source>{0}の編集</source>
        <translation>Edit {0}</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="275" />
        <source>SDGs の変更</source>
        <translation>Change SDGs</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="285" />
        <source>担当課の変更</source>
        <translation>Change departments</translation>
    </message>
    <message>
        <location filename="../../forms/initiative_form.ui" line="6" />
        <source>取組</source>
        <translation>Initiative</translation>
    </message>
    <message>
        <location filename="../../forms/initiative_form.ui" line="36" />
        <source>番号(&amp;N)</source>
        <translation>&amp;Number</translation>
    </message>
    <message>
        <location filename="../../forms/initiative_form.ui" line="59" />
        <source>取組名(&amp;T)</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <location filename="../../forms/initiative_form.ui" line="72" />
        <source>主管課(&amp;L)</source>
        <translation>&amp;Lead department</translation>
    </message>
    <message>
        <location filename="../../forms/initiative_form.ui" line="85" />
        <source>関係課(&amp;R)</source>
        <translation>&amp;Related departments</translation>
    </message>
    <message>
        <location filename="../../forms/initiative_form.ui" line="107" />
        <source>現状と課題</source>
        <translation>Current state and issues</translation>
    </message>
    <message>
        <location filename="../../forms/initiative_form.ui" line="131" />
        <source>取組の方向性</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../forms/initiative_form.ui" line="155" />
        <source>取組内容</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../../forms/initiative_form.ui" line="179" />
        <source>成果目標（KPI）</source>
        <translation>Targets (KPI)</translation>
    </message>
    <message>
        <location filename="../../forms/initiative_form.ui" line="203" />
        <source>SDGs との関係</source>
        <translation>SDGs</translation>
    </message>
    <message>
        <location filename="../../forms/initiative_form.ui" line="227" />
        <source>自治体DX推進計画の取組事項</source>
        <translation>National plan item</translation>
    </message>
    <message>
        <location filename="../../forms/initiative_form.ui" line="233" />
        <source>区分</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../forms/initiative_form.ui" line="246" />
        <source>番号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../forms/initiative_form.ui" line="256" />
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../forms/initiative_form.ui" line="266" />
        <source>国が掲げる目標時期</source>
        <translation>National target</translation>
    </message>
    <message>
        <location filename="../../forms/initiative_form.ui" line="276" />
        <source>例: 令和7年度</source>
        <translation>e.g. 令和7年度 / 2025</translation>
    </message>
    <message>
        <location filename="../../forms/initiative_form.ui" line="286" />
        <source>根拠・関連計画</source>
        <translation>References</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="81" />
        <source>&lt;最初の状態&gt;</source>
        <translation>&lt;initial state&gt;</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="82" />
        <source>操作履歴</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="110" />
        <source>工程表ビュー</source>
        <translation>Schedule view</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="122" />
        <source>左の一覧から項目を選ぶと、ここで内容を編集できます。</source>
        <translation>Select an item in the outline to edit it here.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="133" />
        <source>詳細</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="142" />
        <source>読み取り専用</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="168" />
        <location filename="../../dxeditor/ui/main_window.py" line="295" />
        <source>元に戻す</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="170" />
        <location filename="../../dxeditor/ui/main_window.py" line="296" />
        <source>やり直し</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="173" />
        <source>空の計画(&amp;B)</source>
        <translation>&amp;Blank plan</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="174" />
        <source>デモ計画（小樽市）(&amp;D)</source>
        <translation>&amp;Demo plan (Otaru)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="175" />
        <source>国の計画の構成から(&amp;N)</source>
        <translation>From the &amp;national plan</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="176" />
        <source>開く(&amp;O)…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="177" />
        <source>上書き保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="178" />
        <source>名前を付けて保存(&amp;A)…</source>
        <translation>Save &amp;As…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="179" />
        <source>計画のプロパティ(&amp;P)…</source>
        <translation>Plan &amp;properties…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="181" />
        <location filename="../../dxeditor/ui/main_window.py" line="184" />
        <source>JSON(&amp;J)…</source>
        <translation>&amp;JSON…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="182" />
        <location filename="../../dxeditor/ui/main_window.py" line="185" />
        <source>Excel(&amp;X)…</source>
        <translation>E&amp;xcel…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="187" />
        <source>PDF(&amp;P)…</source>
        <translation>&amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="189" />
        <source>印刷プレビュー(&amp;V)…</source>
        <translation>Print pre&amp;view…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="191" />
        <source>印刷(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="193" />
        <source>照会票を出力(&amp;E)…</source>
        <translation>&amp;Export inquiry workbooks…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="195" />
        <source>部署ごとに、担当の取組と工程を記入してもらう Excel ブックを書き出します</source>
        <translation>Write an Excel workbook per department for it to fill in its initiatives and schedule</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="196" />
        <source>回答を取り込む(&amp;I)…</source>
        <translation>&amp;Import answers…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="198" />
        <source>部署から戻った照会票を確かめ、選んだ変更だけを取り込みます</source>
        <translation>Check the workbooks returned by departments and take in only the changes you choose</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="199" />
        <source>終了(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="200" />
        <source>コピー(&amp;C)</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="201" />
        <source>貼り付け(&amp;P)</source>
        <translation>&amp;Paste</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="202" />
        <source>名前の変更(&amp;R)</source>
        <translation>&amp;Rename</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="203" />
        <source>複製(&amp;U)</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="204" />
        <source>削除(&amp;D)</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="205" />
        <source>上へ移動</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="206" />
        <source>下へ移動</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="208" />
        <source>字下げ（下位へ）</source>
        <translation>Indent</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="210" />
        <source>字下げ解除（上位へ）</source>
        <translation>Outdent</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="212" />
        <source>検索・絞り込み(&amp;F)…</source>
        <translation>&amp;Find and filter…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="213" />
        <source>一覧と詳細の切り替え</source>
        <translation>Switch outline / details</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="214" />
        <source>すべて展開(&amp;E)</source>
        <translation>&amp;Expand all</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="215" />
        <source>取組まで折りたたむ(&amp;C)</source>
        <translation>&amp;Collapse to initiatives</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="216" />
        <source>セクション(&amp;S)</source>
        <translation>&amp;Section</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="217" />
        <source>取組(&amp;I)</source>
        <translation>&amp;Initiative</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="218" />
        <source>工程表の行(&amp;R)</source>
        <translation>Schedule &amp;row</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="219" />
        <source>下位の行(&amp;U)</source>
        <translation>S&amp;ub-row</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="220" />
        <source>部署の管理(&amp;D)…</source>
        <translation>&amp;Departments…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="222" />
        <source>用語集(&amp;G)…</source>
        <translation>&amp;Glossary…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="224" />
        <source>変更履歴(&amp;H)…</source>
        <translation>Change &amp;history…</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="226" />
        <source>誰がいつ何を変えたかを絞り込んで確かめます</source>
        <translation>Filter and review who changed what, and when</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="232" />
        <source>dxeditor について(&amp;A)</source>
        <translation>&amp;About dxeditor</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="236" />
        <source>ファイル(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="237" />
        <source>新規作成(&amp;N)</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="240" />
        <source>最近使ったファイル(&amp;R)</source>
        <translation>&amp;Recent files</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="247" />
        <source>インポート(&amp;I)</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="249" />
        <source>エクスポート(&amp;E)</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="251" />
        <source>照会(&amp;Q)</source>
        <translation>In&amp;quiries</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="257" />
        <source>編集(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="267" />
        <source>表示(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="271" />
        <source>工程表(&amp;S)</source>
        <translation>&amp;Schedule</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="279" />
        <source>挿入(&amp;I)</source>
        <translation>&amp;Insert</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="282" />
        <source>ツール(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="285" />
        <source>表示言語(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="287" />
        <source>ヘルプ(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="289" />
        <source>標準</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="324" />
        <source>（まだ保存していません）</source>
        <translation>(not saved yet)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="325" />
        <source>未保存</source>
        <translation>Unsaved</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="325" />
        <source>保存済み</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="330" />
        <location filename="../../dxeditor/ui/main_window.py" line="391" />
        <source>dxeditor</source>
        <translation>dxeditor</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="391" />
        <source>この機能はまだ利用できません。</source>
        <translation>This feature is not available yet.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="426" />
        <source>dxeditor について</source>
        <translation>About dxeditor</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/main_window.py" line="427" />
        <source>dxeditor {0}
自治体DX計画エディタ</source>
        <translation>dxeditor {0}
Editor for municipal DX plans</translation>
    </message>
</context>
<context>
    <name>OutlineCommands</name>
    <message>
        <location filename="../../dxeditor/ui/outline_view.py" line="225" />
        <location filename="../../dxeditor/ui/outline_view.py" line="227" />
        <source>新しいセクション</source>
        <extracomment>The current item changed: (kind, id) or None.</extracomment>
        <translation>New section</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_view.py" line="234" />
        <location filename="../../dxeditor/ui/outline_view.py" line="237" />
        <location filename="../../dxeditor/ui/outline_view.py" line="241" />
        <source>新しい取組</source>
        <translation>New initiative</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_view.py" line="244" />
        <source>工程表の行を追加する取組（または行）を選んでください。</source>
        <translation>Select the initiative (or row) to add a schedule row to.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_view.py" line="248" />
        <location filename="../../dxeditor/ui/outline_view.py" line="251" />
        <location filename="../../dxeditor/ui/outline_view.py" line="256" />
        <source>新しい行</source>
        <translation>New row</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_view.py" line="257" />
        <source>セクションの追加</source>
        <translation>Add section</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_view.py" line="257" />
        <source>取組の追加</source>
        <translation>Add initiative</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_view.py" line="258" />
        <source>行の追加</source>
        <translation>Add row</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_view.py" line="280" />
        <source>セクション {0} 件、取組 {1} 件、工程表の行 {2} 件を削除します。よろしいですか？
（削除は「元に戻す」で取り消せます）</source>
        <translation>Delete {0} section(s), {1} initiative(s) and {2} schedule row(s)?
(Undo can restore them.)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_view.py" line="283" />
        <source>削除の確認</source>
        <translation>Confirm deletion</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_view.py" line="288" />
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_view.py" line="302" />
        <source>複製</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_view.py" line="313" />
        <source>上へ移動</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_view.py" line="313" />
        <source>下へ移動</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_view.py" line="325" />
        <source>字下げ</source>
        <translation>Indent</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_view.py" line="325" />
        <source>字下げ解除</source>
        <translation>Outdent</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_view.py" line="350" />
        <source>{0} 行をコピーしました</source>
        <translation>Copied {0} line(s)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_view.py" line="368" />
        <source>貼り付け</source>
        <translation>Paste</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_view.py" line="371" />
        <source>{0} 行を貼り付けました</source>
        <translation>Pasted {0} line(s)</translation>
    </message>
</context>
<context>
    <name>OutlineModel</name>
    <message>
        <location filename="../../dxeditor/ui/outline_model.py" line="301" />
        <source>番号</source>
        <extracomment>Emitted after a reset so views can restore expansion/selection. An edit or drop was refused: the message to show. A node (with its subtree) was inserted; views expand it. Items matching the find bar, drawn highlighted.</extracomment>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_model.py" line="301" />
        <source>名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_model.py" line="301" />
        <source>主管課</source>
        <translation>Lead department</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_model.py" line="345" />
        <source>名称の変更</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/outline_model.py" line="407" />
        <source>移動</source>
        <translation>Move</translation>
    </message>
</context>
<context>
    <name>RecordTable</name>
    <message>
        <location filename="../../dxeditor/ui/kpi_table.py" line="62" />
        <location filename="../../dxeditor/ui/kpi_table.py" line="156" />
        <source>追加</source>
        <extracomment>An edit was refused: the message to show.</extracomment>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/kpi_table.py" line="63" />
        <location filename="../../dxeditor/ui/kpi_table.py" line="171" />
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/kpi_table.py" line="64" />
        <source>上へ</source>
        <translation>Up</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/kpi_table.py" line="65" />
        <source>下へ</source>
        <translation>Down</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/kpi_table.py" line="124" />
        <source>成果目標</source>
        <translation>KPI</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/kpi_table.py" line="124" />
        <source>根拠・関連計画</source>
        <translation>References</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/kpi_table.py" line="136" />
        <source>変更</source>
        <translation>change</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/kpi_table.py" line="147" />
        <source>期限 {0} は計画期間（{1}〜{2}）の外です。入力した値はそのまま保存しました。</source>
        <translation>The deadline {0} lies outside the plan period ({1}–{2}). The value was saved as entered.</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/kpi_table.py" line="179" />
        <source>並べ替え</source>
        <translation>reorder</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../dxeditor/ui/recovery.py" line="39" />
        <source>保存されていない作業の復元</source>
        <translation>Recover unsaved work</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/recovery.py" line="42" />
        <source>前回、dxeditor が保存せずに終了しました。次の計画に保存されていない編集があります。
復元すると、編集した内容を開きます（保存するまではファイルは変わりません）。</source>
        <translation>dxeditor ended without saving last time. These plans have unsaved edits.
Restoring opens the edited plan (the file does not change until you save).</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/recovery.py" line="52" />
        <source>復元する(&amp;R)</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/recovery.py" line="53" />
        <source>破棄する(&amp;D)</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/recovery.py" line="54" />
        <source>後で(&amp;L)</source>
        <translation>&amp;Later</translation>
    </message>
</context>
<context>
    <name>RowForm</name>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="367" />
        <source>例: 令和7年度</source>
        <translation>e.g. 令和7年度 / 2025</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="372" />
        <source>工程表の行</source>
        <translation>Schedule row</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="375" />
        <source>名称(&amp;T)</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="376" />
        <source>備考(&amp;O)</source>
        <translation>N&amp;ote</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="377" />
        <source>主管課(&amp;L)</source>
        <translation>&amp;Lead department</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="378" />
        <source>関係課(&amp;R)</source>
        <translation>&amp;Related departments</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="379" />
        <source>国が掲げる目標時期(&amp;G)</source>
        <translation>National tar&amp;get</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="393" />
        <source>（なし）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="435" />
        <source>行の名称の変更</source>
        <translation>Rename row</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="435" />
        <source>備考の変更</source>
        <translation>Change note</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="450" />
        <source>国が掲げる目標時期の変更</source>
        <translation>Change national target</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="459" />
        <source>担当課の変更</source>
        <translation>Change departments</translation>
    </message>
</context>
<context>
    <name>SectionForm</name>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="300" />
        <source>セクション</source>
        <translation>Section</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="303" />
        <source>名称(&amp;T)</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="304" />
        <source>種類(&amp;K)</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="305" />
        <source>説明(&amp;D)</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="307" />
        <source>種類の変更</source>
        <translation>Change kind</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="350" />
        <source>セクション名の変更</source>
        <translation>Rename section</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/initiative_form.py" line="355" />
        <source>説明の変更</source>
        <translation>Change description</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../dxeditor/ui/recovery.py" line="89" />
        <source>破棄の確認</source>
        <translation>Confirm discard</translation>
    </message>
    <message>
        <location filename="../../dxeditor/ui/recovery.py" line="90" />
        <source>保存されていない編集を破棄します。元に戻せません。よろしいですか？</source>
        <translation>Discard the unsaved edits? This cannot be undone.</translation>
    </message>
</context>
</TS>