# tebiki が職員に伝えることば（日本語）。ここのキーはすべて en.ftl にもあり、引数も同じです。
# E012 のようなキーはメッセージの番号です。値が「何が問題か」、`.expected` が「正しい形」、
# `.help` が「直し方」です。番号の一覧は README.md にあります。

## メッセージの各行の見出し

label-error = エラー
label-warning = 注意
label-expected = 正しい形
label-help = 直し方
label-detail = くわしく

## 場合によって付け加える助言

hint-did-you-mean = 「{ $candidate }」のまちがいではありませんか？

## ファイル

E001 = このファイルは、ガイドブックのフォルダーの外にあるファイルを指すリンク（ショートカットのようなもの）なので、読みませんでした
    .expected = ガイドブックのフォルダーの中にあるファイル
    .help = リンクではなく、元のファイルそのものをガイドブックのフォルダーにコピーしてください。そうすると、ほかのファイルと同じように確認されます
E002 = { $target } は隠しファイル（名前が「.」で始まるファイル）なので、読みませんでした
    .expected = ガイドブックのファイル（.git/ や .env のような隠しファイルは、読むことも公開することもありません）
    .help = 必要な内容を、ふつうのファイルにコピーしてください
E003 = ファイルを読めません
    .help = ファイルがあるか、開くことができるかを確かめてから、もう一度実行してください
E004 = ファイルに、目に見えない特殊な文字（{ $code_point }）が入っています
    .expected = ふつうの文字だけ
    .help = 示された位置にある見えない文字を消して、保存してください。見えなくて消しにくいときは、その前後の文字をいったん消して打ち直してください（コピーと貼り付けや、ほかのソフトで入ったのかもしれません）
E005 = ファイルの文字コードが UTF-8 ではありません。{ $encoding } のようです
    .expected = UTF-8 で保存したファイル
    .help = { help-save-as-utf8 }
E006 = ファイルの文字コードが UTF-8 ではありません
    .expected = UTF-8 で保存したファイル
    .help = { help-save-as-utf8 }
help-save-as-utf8 = UTF-8 で保存し直してください。メモ帳では「ファイル」→「名前を付けて保存」を開き、下の「文字コード」（「エンコード」のこともあります）で「UTF-8」を選んで保存します。VS Code では、画面の右下にある文字コード（「Shift JIS」など）を押して「エンコード付きで再度開く」を選び、上に書いた文字コード（わからなければ Shift JIS）を選びます。文字が正しく見えたら、もう一度右下を押して「エンコード付きで保存」→「UTF-8」を選びます
E007 = これはフォルダーを指すリンク（ショートカットのようなもの）です。tebiki はこのようなリンクの先を読みません
    .help = フォルダーそのものを content/ の中に移してください
E008 = content/ のすぐ下にあるファイルは、どの言語のものかわかりません
    .help = content/{ $source }/ のような言語のフォルダーに移してください
E009 = 「{ $lang }」はこのサイトの言語ではありません
    .expected = site.yaml の languages に書いた言語と同じ名前のフォルダー：{ $codes }
hint-add-language = この言語を使うなら、site.yaml の languages に加えてください
E010 = このファイル名はホームページのアドレスに使えません
    .expected = 半角の小文字 a〜z、数字、「-」だけのフォルダー名とファイル名（例：acp/how-to-start.md）
    .help = ファイル名を変えてください。ファイル名がそのままページのアドレスになります
E011 = 表紙のページにできるのは content/<言語>/_index.md だけです
    .help = この章に、ほかと重ならないファイル名を付けてください（例：overview.md）
E012 = 「{ $folder }」というフォルダー名は、tebiki が自動で作るページに使うので、章には使えません
    .help = 章を別のフォルダーに移してください。{ $folder }/ の下のページは、tebiki が自動で作ります

## 章：「---」の行ではさんだ設定

E013 = 章のはじめに設定がありません
    .expected = ファイルが「---」の行で始まり、章の設定のあとにもう一度「---」の行があること
    .help = ファイルの先頭に、次のように書いてください：
        ---
        title: …
        summary: …
        order: …
        ---
E014 = 設定の終わりの「---」がありません
    .expected = 章の設定のあと、本文の前に「---」だけの行
    .help = 設定が終わるところに「---」だけの行を加えてください
E015 = 章の設定が「名前: 値」の形ではなく、{ $found }になっています
    .expected = 「title: …」のような「名前: 値」の行
E016 = ここには{ $expected }を書きますが、{ $found }になっています
    .expected = { $expected }
    .help = 「{ $key }: { $example }」のように書いてください
E017 = 「{ $key }」という設定はありません
hint-remove-or-use = この行を消すか、次のどれかを使ってください：{ $keys }
E018 = 必ず書く設定「{ $key }」がありません
    .expected = { $key ->
        [title] 章の題名
        [summary] 章の一覧や検索結果に出る、章の内容を言う一文
       *[other] 章の並び順を決める半角の整数（同じ言語のほかの章と同じ数にはしません）
    }
    .help = 「{ $key ->
        [title] title: 認知症と診断されたら
        [summary] summary: 診断のあとに使える相談先とサービスです。
       *[other] order: 70
    }」のような行を加えてください
E019 = 「{ $stage }」はこの章の life_stages にありません
    .expected = この章のライフステージのどれか：{ $stages }
    .help = life_stages に「{ $stage }」を加えるか、key_for から消してください
E020 = 設定の書き方に誤りがあります
hint-yaml-tabs = 行の先頭の空白（字下げ）には、タブではなく半角スペースを使ってください
hint-yaml-quotes = 「:」や「#」が入る値は、title: "受付: 9時〜17時" のように半角の「"」で囲んでください
hint-yaml-lines = 行の先頭の空白（字下げ）がそろっているか、どの行も「名前: 値」の形になっているかを確かめてください。記号の入る値は半角の「"」で囲んでください
E021 = 設定の入れ子が { $levels } 段より深くなっています
    .expected = README.md の例のような、数段までの設定
    .help = 「[」や「{"{"}」を書いたら、対応する「]」や「{"}"}」で閉じているか、行の先頭の空白（字下げ）がそろっているかを確かめてください
E022 = 「{ $name }」という{ $what }はありません
    .expected = { $count ->
        [0] { $defined_in } で決めた{ $what }（まだ一つも決めていません）
       *[other] 次のどれか：{ $known }（{ $defined_in } で決めたもの）
    }

## 日本語入力のままで打った文字：設定では半角で書くところ

E023 = 「{ $key }」のあとのコロンが全角の「：」です
    .expected = 名前のあとに半角のコロン「:」
    .help = { help-retype-line }
E024 = 全角のスペース「　」が入っています
    .expected = 半角のスペース
    .help = { help-retype-line }
E025 = 箇条書きの行が「{ $dash }」で始まっています
    .expected = 半角のハイフンと半角スペース「- 」
    .help = { help-retype-line }
E026 = 項目と項目のあいだが「{ $comma }」になっています
    .expected = 項目のあいだに半角のカンマ「,」
    .help = { help-retype-line }
E027 = かっこが全角の「{ $bracket }」です
    .expected = 半角のかっこ「[」と「]」
    .help = { help-retype-line }
E028 = 値が全角の「“」「”」で囲まれています
    .expected = 半角の「"」で囲むか、囲まずに書く
    .help = { help-retype-line }
E029 = 「{ $key }」の数字が全角です
    .expected = 半角の数字
    .help = 「{ $key }: { $fixed }」と書いてください
E030 = 日付は「年-月-日」の形で書きます。「{ $written }」と書かれています
    .expected = 2026-04-01 のように、半角数字で「年-月-日」
    .help = 「{ $key }: { $fixed }」と書いてください
help-retype-line = 日本語入力をオフにして（「半角/全角」キーで切りかえます）、この行を「{ $fixed }」と打ち直してください

## まとめて読む設定ファイル（site.yaml、data/contacts.yaml）

E031 = 設定を読み取れません
    .help = tebiki の説明書（README.md）の例と見くらべてください
E032 = 「{ $key }」という設定はありません
    .expected = 次のどれか：{ $keys }
E033 = 必ず書く設定「{ $key }」がありません
    .help = 「{ $key }:」とその値を加えてください。tebiki の説明書（README.md）に例があります
hint-see-readme-site = tebiki の説明書（README.md）の「site.yaml reference」を見てください

## ほかのメッセージの中に入ることば

value-nothing = 空欄
value-yes-no = 「{ $value }」（はい・いいえ）
value-number = 数字の「{ $number }」
value-text = 文字の「{ $text }」
value-list = 箇条書き
value-group = 設定のまとまり
value-tagged = 「{ $tag }」の印が付いた値
kind-text = 文字
kind-whole-number = 整数
kind-true-false = true（はい）か false（いいえ）
kind-auto-off = auto か off
kind-date = 「年-月-日」の形の日付
kind-list-of = { $what }の一覧
kind-one = { $what }
what-life-stage = ライフステージ
what-life-stages = ライフステージ
what-scenario = 場面
what-scenarios = 場面
what-audience = 読む人
what-audiences = 読む人
what-contact-id = 相談窓口の ID
what-contact-ids = 相談窓口の ID

## site.yaml

E034 = { $folder } に site.yaml がありません
    .help = ガイドブックのフォルダーの中で tebiki を実行するか、--root でフォルダーを指定してください
E035 = 「{ $url }」は、http:// か https:// で始まる完全なアドレスではありません
    .expected = サイトを公開するアドレス（例：https://www.city.example.jp/guide/）
E036 = 「{ $file }」はサイトのアイコンにできません
    .expected = ガイドブックのフォルダーにある PNG か ICO のファイル（例：favicon: data/city-mark.png）
    .help = アイコンを PNG で保存してください。180 × 180 ピクセル以上の正方形の画像にします
E037 = 「{ $file }」というファイルがありません
    .expected = ガイドブックのフォルダーから見たアイコンの場所（例：data/city-mark.png）
E038 = 「source: true」の付いた言語が { $count } 個あります
    .expected = 元の言語がちょうど一つ（すべての章を書いている言語）
    .help = 章を書いている言語（ふつうは ja）にだけ「source: true」を付けてください
E039 = 「{ $code }」は言語の code に使えません。code はフォルダーの名前とページのアドレスになります
    .expected = 半角の小文字、数字、「-」（例：ja、en、ja-easy）
E040 = 言語「{ $code }」が二回書かれています
    .help = 片方を消してください
E041 = 「{ $key }」は名前に使えません。この名前はページのアドレスにもなるので、半角で書きます
    .expected = 半角の小文字、数字、「-」（例：end-of-life）
E042 = 「{ $key }」が二回書かれています
    .help = 片方を消してください

## 章の本文：リンク、見出し、HTML

what-link = リンク
what-image = 画像
E060 = { $kind }のアドレス「{ $address }」は使えません。{ $reason }
E061 = <{ $element } { $attribute }> のアドレス「{ $address }」は使えません。{ $reason }
    .help = { $help }
reason-address-runs-program = 「{ $scheme }:」は、読む人のブラウザーでプログラムを動かします
reason-address-not-web = 「{ $scheme }:」は、ホームページ（https://…）、メールアドレス（mailto:）、電話番号（tel:）のどれでもありません
reason-address-not-file = 「{ $scheme }:」はガイドブックのファイルではありません
reason-address-other-site = ページを開くと別のサイト（{ $host }）から読み込むので、読む人のスマートフォンがそのサイトに接続してしまいます
reason-address-invalid = ブラウザーが読めるアドレスではありません
hint-address-file = ファイルを章と同じフォルダーに保存し、photo.png のようにファイル名を書いてください
hint-address-link = リンク先には、章（../acp/what-is-acp.md）、ホームページ（https://…）、mailto:、tel: が使えます
E062 = 本文の「&#…;」が、目に見えない特殊な文字（{ $code_point }）を入れています
    .help = その「&#…;」の部分を消してください
E063 = HTML の中の「&#…;」が、目に見えない特殊な文字（{ $code_point }）を入れています
    .help = その「&#…;」の部分を消してください
E064 = HTML のコメント「<!--」が閉じていないので、ここから後ろの本文が表示されません
    .help = コメントの終わりに「-->」を書いてください
E065 = <{ $element } の終わりの「>」か「"」がないので、後ろの文章が「{ $attribute }」の値として読まれてしまいます
    .help = タグの終わりに「>」を書き、「"」で囲み始めた値は「"」で閉じてください
E066 = 章の中では <{ $element }> は使えません。{ $reason ->
        [program] 読む人のブラウザーでプログラムを動かすためです
        [embed] ほかのページやプログラムをこのページの中に入れるためです
        [media] 図や数式、音声や動画のように、ブラウザーが描いたり再生したりするもので、文章ではないためです
        [style] ページ全体の見た目を読み込んだり変えたりするためです
        [page] リンク先を変えたり、読む人を別のページへ移したりして、ページ全体を変えるためです
        [form] 読む人に入力や選択をさせて、どこかへ送るためです
        [layout] ページの枠組みはテーマが作ります。章は本文だけです
        [heading] 見出しは Markdown で「## …」と書きます。そうすると章の目次に出て、ID が付きます
        [old] 見た目を決める古い HTML です。見た目はテーマが決めます
       *[other] 章で使える HTML の要素ではないためです
    }
    .help = 消してください。章で使える HTML は、tebiki の説明書（README.md）の「What a chapter may contain」にあります
E067 = <{ $element }> の属性「{ $attribute }」は使えません。{ $reason ->
        [program] ページで何かが起きたときにプログラムを動かすためです
        [style] 見た目はテーマが決めるためです。また、style を使うとほかのサイトからファイルを読み込めてしまいます
        [class] 見た目はテーマが決めるためです
        [id] 見出しの ID は「## 見出し {"{"}#id{"}"}」で付けます
        [load] ブラウザーにファイルを読み込ませるためです
        [send] 読む人を別の場所へ移したり、入力したことをどこかへ送ったりするためです
        [behaviour] ページの動きを変えるためです
       *[other] 章で使える属性ではないためです
    }
    .help = その属性を消してください
E068 = ここの HTML のタグが閉じていないので、後ろの文章が表示されません
    .help = タグはすべて「>」で閉じ、引用符で囲んだ値も閉じてください
E069 = HTML を安全にする処理でこの章の HTML が変わってしまうので、書いたとおりには公開できません
    .help = tebiki の説明書（README.md）の「What a chapter may contain」にあるタグだけを使って、HTML をもっと簡単に書いてください
E070 = ここの HTML は、タグの中にタグが { $depth } 段より深く重なっています
    .help = 開いたタグ（<div> など）を、それぞれ </div> のように閉じてください
E071 = 見出しに付けられるのは ID だけです
    .expected = 「## 見出し {"{"}#id{"}"}」の形（「.name」のクラスや「name=value」の属性は付けられません）
    .help = かっこの中は「#id」だけにしてください
E072 = 見出しの ID「{ $id }」がこのページで二回使われています
    .help = 見出しごとに別の {"{"}#id{"}"} を付けてください
W001 = 章の中の「#」の見出しは「##」として表示します
    .expected = 「##」から始まる見出し（章の題名は「title:」に書きます）
    .help = 「# 」を「## 」に書き直してください

## テーマのことば、検索のための単語、相談窓口

W002 = { $file } がないので、テーマのことば（ページの決まった見出しやボタンのことば）{ $count } 個が、すべて元の言語（{ $source }）のまま表示されます
    .help = i18n/{ $source }.yaml を写して、各行の「:」の右側のことばを翻訳してください
W003 = テーマのことば { $count } 個が翻訳されていないので、元の言語（{ $source }）のまま表示されます：{ $names }{ $more ->
        [0] {""}
       *[other] {" "}ほか { $more } 個
    }
    .help = i18n/{ $source }.yaml から足りない行を写して、「:」の右側のことばを翻訳してください
E090 = テーマのことばのファイルが、「名前: ことば」の行になっていません
    .expected = 「skip_link: 本文へ移動」のような、テーマのことばの名前とことばの行
E091 = 「{ $key }」の表示名がありません
    .expected = site.yaml の { $group } で決めた「{ $key }」を、読む人に見せることば
    .help = 次のように加えてください：
        {"    "}{ $group }:
        {"      "}{ $key }:
        {"        "}label: …
        {"        "}description: …
E092 = 読み「{ $reading }」がカタカナで書かれていません
    .expected = ことば,品詞,カタカナの読み
    .help = 認知症,名詞,ニンチショウ のように書いてください
E093 = 一行に「,」で区切った項目が 3 つ要りますが、この行は { $count } つです
    .expected = ことば,品詞,カタカナの読み
    .help = 認知症,名詞,ニンチショウ のように書いてください
E094 = data/dictionary.csv の単語を辞書に加えられません
    .help = 「くわしく」にある行を確かめてください。どの行も 認知症,名詞,ニンチショウ の形にします
E095 = ここには言いかえのまとまりを並べますが、{ $found }になっています
    .help = 一行に一つのまとまりを書いてください：- [人生会議, ACP, アドバンス・ケア・プランニング]
E096 = 言いかえのまとまりには、ことばを二つ以上書きます
    .expected = - [ケアマネジャー, ケアマネ, 介護支援専門員] のような行
W004 = { $terms } のどれも、どの章にも出てきません
    .expected = まとまりのことばの少なくとも一つが章に書かれていること（そうすると、ほかのことばでもその章が見つかります）
    .help = 章の中の書き方とくらべて、字がちがっていないか確かめてください
hint-see-readme-contacts = tebiki の説明書（README.md）の「data/contacts.yaml」を見てください。窓口ごとに ID（例：chiiki-houkatsu）を決め、その下に name、phone、hours、description を書きます
E097 = 「{ $code }」はこのサイトの言語ではありません
    .expected = 次のどれか：{ $codes }
E098 = 相談窓口「{ $id }」の name に、元の言語「{ $source }」の名前がありません
    .help = name の下に「{ $source }: 窓口の名前」の行を加えてください。翻訳がない言語では、この名前を表示します

## 章と章をつなぐリンク

E080 = { $kind }が指す先が見つかりません。{ $reason }{ $reader ->
        [none] {""}
       *[other] （言語「{ $reader }」で読む人に見せるページで）
    }
link-no-address = リンク先のアドレスが書かれていません
link-site-root = 「{ $dest }」がサイトのいちばん上（/）から始まっています
link-leaves-language = 「{ $dest }」は content/{ $lang }/ フォルダーの外を指しています
link-folder = 「{ $dest }」は章のファイル（.md）ではなく、フォルダーやページのアドレスになっています
link-missing-file = 「{ $dest }」がありません（content/{ $lang }/{ $target } を探しました）
link-draft = 「{ $dest }」は下書きなので公開されていません
link-not-chapter = 「{ $dest }」はこのガイドブックの章ではありません
link-no-heading = { $place }に見出し「#{ $anchor }」がありません
place-this-page = このページ
place-front-page = 表紙のページ
hint-link-parentheses = リンクの文字のあとの「( )」の中に、リンク先を書いてください：[文字](../acp/what-is-acp.md)
hint-link-relative = このファイルのある場所から見た書き方にしてください（一つ上のフォルダーは「../」と書きます）：../acp/what-is-acp.md
hint-link-same-language = 同じ言語のフォルダーにある章にリンクしてください。読む人は自動で自分の言語のページに案内されます
hint-link-file = 章のファイルにリンクしてください：{ $file }
hint-link-publish = 公開する（「draft: true」を消す）か、リンクを消してください
hint-headings-there = そのページの見出し：{ $ids }

## ガイドブック全体

E081 = ガイドブックに表紙のページがありません
    .expected = 題名、説明、はじめのことばを書いた content/<元の言語>/_index.md
    .help = 次のように作ってください：
        {"    "}---
        {"    "}title: …
        {"    "}summary: …
        {"    "}---
        {"    "}（はじめのことば）
E082 = order の数「{ $order }」は、{ $other } でも使われています
    .expected = 同じ言語の章ごとに別の数
    .help = 使われていない数を選んでください。10、20、30 … と間をあけておくと、あとで章を入れやすくなります
E083 = 「{ $key }」が元の章 { $source } とちがいます
    .expected = 「{ $key }」は元の章だけで決めること（翻訳では書かないか、元の章と同じにします）
    .help = 翻訳から「{ $key }」を消すか、{ $source } のほうを直してください
E084 = この翻訳には元の章がありません
    .expected = { $file } があること（翻訳は元の章と同じ場所・同じ名前にします）
hint-name-it = ファイル名は { $file } のつもりではありませんか？
hint-write-source-first = 先に { $file } に元の章を書くか、このファイルの名前を、元の言語にある章と同じにしてください
E099 = 「{ $id }」という相談窓口の ID はありません
    .expected = { $file } で決めた ID

## サイトの書き出し、テーマ

E101 = フォルダー { $folder } を作れません
E102 = フォルダー { $folder } を空にできません
E103 = { $folder } がどこにあるのか確かめられません
E104 = { $folder } には、ガイドブックの元のファイル（content/、themes/、data/、i18n/）があるので、書き出し先にできません
    .help = public/ のような、書き出し用のフォルダーを選んでください
E105 = { $folder } という名前のファイルがすでにあるので、そこにサイトを書き出せません
    .help = --out で別の場所を選んでください
E106 = { $folder } はすでにあり、tebiki が書いたものではないので、そのままにしました
    .help = そのフォルダーを別の場所に移すか、--out で別の場所を選んでください
E107 = サイトを書き出せません
E108 = { $file } をサイトにコピーできません
E109 = 書き出したサイトを、前のサイトと入れかえられません
W005 = 新しいサイトに置き換えましたが、前のサイトを { $folder } から消せませんでした
    .help = そのフォルダーを手で消してください
E110 = ページ { $page } を作れません
    .help = テンプレートを直してください。「くわしく」に、うまくいかなかった変数やフィルターの名前があります
E111 = 「{ $name }」というテーマはありません
    .expected = themes/{ $name }/ フォルダーか、tebiki に入っているテーマ（default）
    .help = 「theme: default」と書くか、テーマのフォルダーを作ってください
E112 = テーマのテンプレートを読み込めません
    .help = 「くわしく」にあるテンプレートを直してください

## init と new が書いた仮の文字

W006 = 「{ $text }」は、tebiki init か tebiki new が入れた仮の文字のままです
    .expected = { $what }
    .help = 「{ $text }」を{ $what }に書きかえてください
E151 = 「{ $text }」は tebiki init か tebiki new が入れた仮の文字のままです。印刷したあとでは直せないので、冊子にしません
    .expected = { $what }
    .help = 「{ $text }」を{ $what }に書きかえてください
fill-in-city = 市町村の名前
fill-in-phone = 窓口の本当の電話番号
fill-in-address = サイトを公開するアドレス（base_url）
fill-in-title = 章の題名
fill-in-summary = 章で伝えることをまとめた一文
fill-in-heading = 最初の見出し
fill-in-body = 章の本文
fill-in-reviewer = 章を確かめた課の名前
hint-allow-placeholders = 仮の文字が入ったまま校正用に印刷するなら、--allow-placeholders を付けてください

## 冊子

E120 = 冊子のファイルを書き出せません
E121 = 冊子は PDF なので、ファイル名の終わりは .pdf にします
    .help = --out booklets/ja.pdf のようにファイル名を付けてください
E122 = { $file } はすでにあり、tebiki が作った冊子ではないので、そのままにしました
    .help = --out で別の場所を選ぶか、そのファイルを移してください
E123 = PDF を書き出せません
E124 = この章を冊子のページに組めません
    .help = 「くわしく」にあるもの（画像、表、とても長いことばなど）を章の中で探してください
E125 = 冊子のページを組めません
    .help = ガイドブックに自分の themes/<名前>/booklet/booklet.typ があれば、「くわしく」はそのファイルのことです
E126 = アドレス { $url } を QR コードにできません
    .help = site.yaml の base_url を確かめてください
E127 = 冊子の書体にない文字 { $characters } があるので、印刷できません
    .expected = 冊子の書体にある文字：日本語、中国語、韓国語、ラテン文字（BIZ UD ゴシック、Noto Sans、Noto Sans CJK）
    .help = その文字を、ことばやふつうの記号に書きかえてください。絵文字やめずらしい記号は印刷できません
W007 = 「{ $word }…」は空白なしで { $count } 文字続き、冊子の一行に入らないので、途中で折り返します
    .help = 短くするか、空白を入れてください。ホームページのアドレスなら、[相談窓口の案内](https://…) のようにことばにリンクしてください
E128 = 画像「{ $image }」がないので印刷できません
    .expected = content/{ $lang }/ の中にある画像ファイル
    .help = 画像を章と同じフォルダーに置くか、名前を直してください
E129 = この表は { $columns } 列あり、A5 のページには多すぎます
    .expected = 冊子では { $most } 列までの表
    .help = 表を二つに分けるか、いくつかの列を箇条書きにしてください

## tebiki new と tebiki init

E140 = 章の名前は <言語>/<フォルダー>/<名前> の形で付けてください（例：ja/care/bathing.md）
E141 = { $file } はすでにあるので、そのままにしました
    .help = 別の名前を選ぶか、そのファイルを開いて書き直してください
E142 = 翻訳を作るには、先に元の章 { $file } が必要です
    .help = 先に元の言語のフォルダーで tebiki new を実行して、元の章を作ってください
E143 = { $file } を書き出せません
E144 = フォルダーが空ではありません。中のものは何も変えていません
    .help = 新しいフォルダーか、空のフォルダーを選んでください
E145 = --git には --tag（入れる tebiki のタグ）も付けてください
E146 = --tag には --git（そのタグがあるリポジトリ）も付けてください
E147 = --git と --tag か、--crates-version のどちらか一方だけを付けてください
E148 = 「{ $url }」は Git のリポジトリのアドレス（https://…）ではありません
E149 = 「{ $tag }」はタグの名前ではありません（半角英数字と「.」「-」「_」「/」で書きます）
E150 = 「{ $version }」はバージョン番号ではありません（例：0.1.0）

## tebiki check の確認ポイント

W010 = 見出しの「#」の数が { $from } 個から { $to } 個に飛んでいます
    .expected = 前の見出しより「#」を二つ以上増やさない見出し（## の次は ## か ###）
    .help = この見出しは「{ $marks }」で始めてください
W011 = 説明（summary）が { $length } 文字あります。スマートフォンで見えるのは { $shown } 文字ほどです
    .help = 短い一文にしてください。くわしいことは本文に書きます
W012 = 画像に説明の文字（代替テキスト）がありません
    .expected = 画像が見えない人のために、何が写っているかを言うことば
    .help = 「![」と「]」のあいだに書いてください：![家に来る看護師](nurse.png)
W013 = リンクの文字が「{ $words }」だけです
    .expected = 画面読み上げで聞いてもリンク先がわかることば
    .help = 行き先のページの名前にしてください（例：[介護保険の申請](../services/care-insurance.md)）
W014 = 「{ $character }」は{ $kind ->
        [machine-dependent] 機種依存文字です
        [half-width-katakana] 半角カタカナです
       *[full-width-alphanumeric] 全角の英数字です
    }
    .expected = { $kind ->
        [machine-dependent] ふつうの文字（① は (1)、㈱ は （株）、㍻ は 平成）
        [half-width-katakana] 全角のカタカナ
       *[full-width-alphanumeric] 半角の英数字
    }
    .help = 「正しい形」の文字に書きかえてください。画面読み上げやスマートフォンによっては正しく出ないので、公共のサイトでは使いません
W015 = 日付「{ $written }」が「/」で区切られています
    .help = 「{ $japanese }」と書いてください
W016 = この文は { $length } 文字あります
    .expected = やさしい日本語では { $most } 文字までの文
    .help = 一つの文に一つのことだけを書き、二つの文に分けてください
W017 = { $total } 章のうち { $count } 章がまだ翻訳されていないので、元の言語（{ $source }）のまま表示されます：{ $chapters }
    .help = 翻訳は次のように始めます：tebiki new { $lang }/<章>.md
W018 = 「{ $word }」は、やさしい日本語を読む人には難しいかもしれません
    .expected = やさしいことばの一覧（dictionary/easy-japanese.yaml）にあることば
hint-easy-word = 「{ $word }」と書くか、はじめて出てくるところで意味を説明してください
hint-plainer-word = もっとやさしいことばにしてください。章の中で説明していることばや窓口の名前なら、{ $file } に加えてください
W019 = 「{ $key }」という名前のことばは、テーマのどこにも使われていません
    .expected = テーマのことばの名前か、site.yaml で決めた分類の表示名

## tebiki serve

E130 = フォルダー { $folder } を開けません
E131 = { $folder } の保存を見張ることができません
E132 = プレビューを 127.0.0.1:{ $port } で始められません。この番号（ポート）は、ほかのソフトや、すでに動いている tebiki serve が使っているのかもしれません
    .help = --port 4001 のように、別の番号を試してください
E133 = ガイドブックのフォルダーの見張りが止まりました
    .help = もう一度 tebiki serve を実行してください
serve-overlay-lead = ガイドブックを作れませんでした。下の問題を直して保存すると、このページは自動で読み込み直されます。それまでは、前にうまく作れたときの内容を表示しています。
serve-first-build = 最初にページを作る処理が、まだ終わっていません。しばらくお待ちください。
serve-serving = { $url } で表示しています（このパソコンからだけ開けます）。止めるには Ctrl+C を押してください
serve-built = { $count ->
        [0] {""}
        [1] { $changed } が変わったので、
       *[other] { $changed } ほか { $more } 個のファイルが変わったので、
    }{ $pages } ページを { $seconds } 秒で作りました（新しいか変わったファイル：{ $rewritten } 個）
serve-failed = { $count ->
        [0] {""}
        [1] { $changed } が変わったので作り直しましたが、
       *[other] { $changed } ほか { $more } 個のファイルが変わったので作り直しましたが、
    }エラーが { $errors } 個あり、作れませんでした。プレビューでは、前にうまく作れたときの内容の上に、メッセージを表示しています
serve-no-browser = ブラウザーを開けませんでした。{ $url } を自分で開いてください

## コマンドが終わったときに言うこと

check-summary = エラー { $errors } 個{ $warnings ->
        [0] {""}
       *[other] 、注意 { $warnings } 個
    }
build-done = { $pages } ページ（{ $files } ファイル、{ $megabytes } MB）を { $seconds } 秒で { $out } に作りました{ $warnings ->
        [0] {""}
       *[other] 。注意が { $warnings } 個あります
    }
build-failed = 作れませんでした。エラー { $errors } 個{ $warnings ->
        [0] {""}
       *[other] 、注意 { $warnings } 個
    }。{ $out } は前のままです
booklet-wrote = { $file } を書き出しました（{ $pages } ページ{ $sides ->
        [0] {""}
       *[other] 、紙の面で { $sides } 面
    }、{ $megabytes } MB）
booklet-none = 冊子は書き出していません
took = { $seconds } 秒かかりました
new-created = { $file } を作りました（下書きです。公開するときは「draft: true」の行を消してください）
init-nothing-created = 何も作っていません
init-created = { $folder } にガイドブックを作りました（{ $files } ファイル）。サイトを作るには：tebiki build --root { $folder }
init-replace-stand-ins = 公開する前に、仮の文字を書きかえてください：市の名前「〇〇市」（content/ja/_index.md）、電話番号「000-000-0000」（data/contacts.yaml）、base_url（site.yaml）。それぞれの場所は tebiki check で確かめられます
init-no-install-source = お知らせ：プルリクエストの確認（{ $workflow }）に、tebiki をどこから入れるかがまだ書かれていません。そのファイルに TEBIKI_GIT と TEBIKI_TAG（または TEBIKI_VERSION）を書くか、--git URL --tag タグ を付けてもう一度 init を実行してください。それまでは、確認は始めてすぐに止まり、そのことを知らせます
W020 = TEBIKI_MESSAGES が「{ $value }」になっています。ja か en ではないので、使いません

## コマンドの書き方

E160 = コマンドが書かれていません
    .help = サイトを作るのは tebiki build です。tebiki --help でコマンドの一覧が出ます
E161 = 「{ $command }」というコマンドはありません
E162 = 「{ $argument }」というオプションはありません
E163 = { $argument } に「{ $value }」は使えません
    .expected = 次のどれか：{ $values }
E164 = { $argument } を書いてください
E165 = { $argument } と { $other } はいっしょに使えません
E167 = { $argument } に「{ $value }」は使えません
E166 = コマンドの書き方を読み取れません
hint-see-help = tebiki --help でコマンドの一覧が、tebiki <コマンド> --help でそのオプションが出ます

## ヘルプ（--help）

help-heading-usage = 使い方
help-heading-commands = コマンド
help-heading-options = オプション
help-heading-arguments = 引数
help-value-command = コマンド
help-help = このヘルプを出します
help-version = tebiki のバージョンを出します
help-messages = tebiki が話すことば：ja か en（書かなければガイドブックの言語。ガイドブックがなければパソコンの言語の設定）
help-about = Markdown で書いた章から、在宅医療・介護と人生会議（ACP）のガイドブックのサイトを作ります
help-build = サイトを書き出しフォルダーに作ります（すべてうまくいったときだけ入れかえます）
help-build-root = ガイドブックのフォルダー（site.yaml のあるフォルダー）。書かなければ今いるフォルダー
help-build-out = サイトを書き出す場所（書かなければガイドブックのフォルダーの public/）
help-build-no-search = 検索のページ、その索引、検索へのリンクを作りません（早く作れます）
help-build-no-furigana = どこにもふりがなを付けません（改行の位置はそのままです）
help-build-timings = 各段階にかかった時間と、そこまでに使ったメモリーを表示します
help-serve = 書きながらプレビューします。このパソコンでサイトを開き、保存するとページを読み込み直します
help-serve-root = { help-build-root }
help-serve-port = プレビューに使う番号（ポート）。0 なら空いている番号を選びます（書かなければ 4000）
help-serve-open = 表紙のページをいつものブラウザーで開きます
help-booklet = 章を印刷用の冊子（A5 の PDF）にします。印刷所に出すことも、自分で印刷して折ることもできます
help-booklet-root = { help-build-root }
help-booklet-lang = 一つの言語だけ（書かなければ、サイトのすべての言語の冊子を作ります）
help-booklet-edition = standard（本文 12 ポイント）か large（14 ポイントで、すべての漢字にふりがな）。書かなければ standard
help-booklet-bleed = 印刷所向けに、A5 のページのまわりに 3 mm の塗り足しとトンボを付けます
help-booklet-impose = A4 横の紙の両面に A5 を 2 ページずつ、折ってホチキスでとめる順に並べます
help-booklet-duplex = 裏面を印刷するときの紙の返し方（--impose と使います）：short-edge（短い辺）か long-edge（長い辺）。書かなければ short-edge
help-booklet-out = 書き出す PDF（--lang と使います）か、すべての PDF を入れるフォルダー（書かなければ booklets/）
help-booklet-allow-placeholders = `tebiki init` の仮の文字（〇〇市、000-000-0000）が残っていても印刷します（校正用）
help-check = 何も書き出さずにガイドブックを確かめます。build で確かめることに加えて、見直すとよいところも出します
help-check-root = { help-build-root }
help-check-format = text は人が読む形、json はプログラム用、github はプルリクエストへの書き込み用（書かなければ text）
help-new = 設定を書き込んだ章（下書き）を作ります：`tebiki new ja/care/bathing.md`
help-new-path = 作る章：content/ の下の <言語>/<フォルダー>/<名前>.md
help-new-root = { help-build-root }
help-init = 空のフォルダーに新しいガイドブックを始めます。設定、表紙、二つの章、相談窓口を作ります
help-init-dir = ガイドブックを作るフォルダー（新しいか空のフォルダー）
help-init-git = プルリクエストの確認で tebiki を入れる Git のリポジトリ（--tag と使います）
help-init-tag = そのリポジトリにある tebiki のリリースのタグ（例：v0.1.0）
help-init-crates-version = Git ではなく crates.io から、このバージョンの tebiki を入れます
help-tokenize = tebiki が日本語の文をどう区切り、どう読むかを出します（data/dictionary.csv の確認用）
help-tokenize-text = 読ませる文
help-tokenize-root = ガイドブックのフォルダー。その data/dictionary.csv も使います（書かなければ今いるフォルダー）
