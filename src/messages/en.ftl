# What tebiki says to staff, in English. Every key here is also in ja.ftl, with the same
# arguments. A key such as E012 is a diagnostic's code: its value says what is wrong,
# `.expected` what was expected and `.help` what to do. README.md lists every code.

## Labels of the lines of a message

label-error = error
label-warning = warning
label-expected = expected
label-help = help
label-detail = detail

## Hints added to a message when they apply

hint-did-you-mean = did you mean `{ $candidate }`?

## Files

E001 = this is a symbolic link (a kind of shortcut) to a file outside the guidebook folder; it was not read
    .expected = files that live inside the guidebook folder
    .help = copy the file into the guidebook folder instead of linking to it, so it is reviewed like the rest
E002 = this leads to { $target }, a hidden file (a name starting with `.`); it was not read
    .expected = files of the guidebook itself: hidden files such as .git/ and .env are never read or published
    .help = copy what is needed into an ordinary file of the guidebook
E003 = the file cannot be read
    .help = check that the file exists and that you may open it, then run tebiki again
E004 = the file contains the invisible character { $code_point }, which is not text
    .expected = text only
    .help = delete the character (it may have come from a copy and paste or a broken program), then save
E005 = the file is not UTF-8; it looks like { $encoding }
    .expected = text saved as UTF-8
    .help = { help-save-as-utf8 }
E006 = the file is not UTF-8 text
    .expected = text saved as UTF-8
    .help = { help-save-as-utf8 }
help-save-as-utf8 = re-save the file as UTF-8: in Notepad choose File > Save As and set Encoding to UTF-8; in VS Code click the encoding in the status bar, choose Reopen with Encoding (pick the encoding named above, or Shift JIS if none is), then Save with Encoding > UTF-8
E007 = this is a symbolic link (a kind of shortcut) to a folder, which tebiki does not follow
    .help = move the folder itself into content/
E008 = a file directly under content/ belongs to no language
    .help = move it into a language folder such as content/{ $source }/
E009 = `{ $lang }` is not a language of this site
    .expected = a folder named after a language in site.yaml: { $codes }
hint-add-language = add the language to site.yaml
E010 = this file name cannot be used in a web address
    .expected = folder and file names of lowercase letters a–z, digits and `-`, e.g. acp/how-to-start.md
    .help = rename the file; its name becomes the page's address
E011 = only content/<language>/_index.md is a front page
    .help = give the chapter a name of its own, e.g. overview.md
E012 = the folder `{ $folder }` is used by tebiki's own pages
    .help = move the chapter to another folder; tebiki makes the pages under { $folder }/ itself

## Chapters: the settings between the `---` lines

E013 = the chapter has no front-matter
    .expected = the file to start with a line `---`, the chapter's settings, and another line `---`
    .help = start the file with:
        ---
        title: …
        summary: …
        order: …
        ---
E014 = the front-matter is never closed
    .expected = a line `---` after the chapter's settings, before the text
    .help = add a line with only `---` where the settings end
E015 = the front-matter is { $found }
    .expected = `key: value` lines such as `title: …`
E016 = expected { $expected }, found { $found }
    .expected = { $expected }
    .help = write it like `{ $key }: { $example }`
E017 = unknown key `{ $key }`
hint-remove-or-use = remove it, or use one of { $keys }
E018 = missing required field `{ $key }`
    .expected = { $key ->
        [title] the chapter's title
        [summary] one sentence shown on cards and in search results
       *[other] the chapter's position in the guidebook (a whole number, unique in the language)
    }
    .help = add a line such as `{ $key ->
        [title] title: 認知症と診断されたら
        [summary] summary: 診断のあとに使える相談先とサービスです。
       *[other] order: 70
    }`
E019 = `{ $stage }` is not in this chapter's life_stages
    .expected = one of the chapter's life stages: { $stages }
    .help = add `{ $stage }` to life_stages, or remove it from key_for
E020 = the YAML is not valid
hint-yaml-tabs = indent with spaces, not tabs
hint-yaml-quotes = a value that contains `:` or `#` must be put in quotes, e.g. title: "受付: 9時〜17時"
hint-yaml-lines = check the indentation and that each line reads `key: value`; put values with special characters in quotes
E021 = the settings are nested more than { $levels } levels deep
    .expected = keys, lists and values a few levels deep, as in README.md
    .help = close the brackets `[ ]` and `{"{"} {"}"}` you open, and check the indentation
E022 = unknown { $what } `{ $name }`
    .expected = { $count ->
        [0] a { $what } defined in { $defined_in } (none are defined yet)
       *[other] one of { $known } (defined in { $defined_in })
    }

## IME slips: characters a Japanese input method types where YAML wants half-width ones

E023 = full-width colon `：` after `{ $key }`
    .expected = a half-width colon `:` after the key
    .help = { help-retype-line }
E024 = full-width space `　`
    .expected = half-width spaces
    .help = { help-retype-line }
E025 = a list item starts with `{ $dash }`
    .expected = a half-width hyphen and a space: `- `
    .help = { help-retype-line }
E026 = `{ $comma }` between list items
    .expected = a half-width comma `,` between items
    .help = { help-retype-line }
E027 = full-width bracket `{ $bracket }`
    .expected = half-width brackets `[` and `]`
    .help = { help-retype-line }
E028 = a value in curly quotes `“ ”`
    .expected = straight quotes `"`, or none
    .help = { help-retype-line }
E029 = `{ $key }` is written in full-width digits
    .expected = half-width digits
    .help = write `{ $key }: { $fixed }`
E030 = expected a date written YYYY-MM-DD, found the text `{ $written }`
    .expected = a date written YYYY-MM-DD
    .help = write `{ $key }: { $fixed }`
help-retype-line = write the line as `{ $fixed }` (type it with the input method off)

## Settings files read whole (site.yaml, data/contacts.yaml)

E031 = the settings cannot be read
    .help = compare the file with the example in README.md
E032 = unknown setting `{ $key }`
    .expected = one of { $keys }
E033 = missing setting `{ $key }`
    .help = add `{ $key }:` and its value; README.md shows an example
hint-see-readme-site = see the site.yaml reference in README.md

## Words put into other messages

value-nothing = nothing
value-yes-no = `{ $value }` (yes/no)
value-number = the number { $number }
value-text = the text `{ $text }`
value-list = a list
value-group = a group of keys
value-tagged = a value tagged { $tag }
kind-text = text
kind-whole-number = a whole number
kind-true-false = true or false
kind-auto-off = `auto` or `off`
kind-date = a date written YYYY-MM-DD
kind-list-of = a list of { $what }
kind-one = a { $what }
what-life-stage = life stage
what-life-stages = life stages
what-scenario = scenario
what-scenarios = scenarios
what-audience = audience
what-audiences = audiences
what-contact-id = contact id
what-contact-ids = contact ids

## site.yaml

E034 = no site.yaml in { $folder }
    .help = run tebiki in a guidebook folder, or name one with --root DIR
E035 = `{ $url }` is not an absolute URL
    .expected = the address the site is published at, e.g. https://www.city.example.jp/guide/
E036 = `{ $file }` cannot be the site's icon
    .expected = a PNG or ICO file in the guidebook folder, e.g. favicon: data/city-mark.png
    .help = save the icon as PNG: a square picture, 180 × 180 px or larger
E037 = there is no file `{ $file }`
    .expected = the icon's path from the guidebook folder, e.g. data/city-mark.png
E038 = { $count } languages are marked `source: true`
    .expected = exactly one source language, the one every chapter is written in
    .help = add `source: true` to the language chapters are written in (usually ja), and only to it
E039 = `{ $code }` cannot be used as a folder name in URLs
    .expected = lowercase letters, digits and `-`, e.g. ja, en, ja-easy
E040 = language `{ $code }` is listed twice
    .help = keep one of the two entries
E041 = `{ $key }` cannot be used as a key
    .expected = lowercase letters, digits and `-`, e.g. end-of-life
E042 = `{ $key }` is listed twice
    .help = keep one of the two

## Chapter text: links, headings and HTML

what-link = link
what-image = image
E060 = the { $kind } address `{ $address }` is refused: { $reason }
E061 = the address `{ $address }` in <{ $element } { $attribute }> is refused: { $reason }
    .help = { $help }
reason-address-runs-program = `{ $scheme }:` runs a program in the reader's browser
reason-address-not-web = `{ $scheme }:` is not a web page (https://…), an e-mail address (mailto:) or a phone number (tel:)
reason-address-not-file = `{ $scheme }:` is not a file of the guidebook
reason-address-other-site = it is loaded from another site ({ $host }) with the page, so every reader's phone would contact that site
reason-address-invalid = it is not an address a browser can read
hint-address-file = save the file beside the chapter and write its name, e.g. photo.png
hint-address-link = link to a chapter (../acp/what-is-acp.md), a web page (https://…), mailto: or tel:
E062 = the text writes the character { $code_point }, which is not text
    .help = remove the character reference (`&#…;`) that writes it
E063 = the HTML writes the character { $code_point }, which is not text
    .help = remove the character reference (`&#…;`) that writes it
E064 = an HTML comment `<!--` is not closed, so the rest of the chapter would not be shown
    .help = end the comment with `-->`
E065 = the tag <{ $element } is not closed: the text after it would become part of `{ $attribute }`
    .help = close the tag with `>`, and the quotes of its attributes
E066 = <{ $element }> is not allowed in a chapter: { $reason ->
        [program] it runs a program in the reader's browser
        [embed] it puts another page or program inside this one
        [media] it is a picture, a formula or a recording that the browser draws or plays, not text
        [style] it loads or changes how the whole page looks
        [page] it changes the whole page: where its links lead, or sends the reader elsewhere
        [form] it asks the reader to type or choose something and sends it somewhere
        [layout] the theme makes the page's own parts; a chapter is only its text
        [heading] headings are written `## …` in Markdown, so that they appear in the chapter's contents and get an id
        [old] it is old HTML for how text looks; the theme decides how the page looks
       *[other] it is not one of the elements a chapter may use
    }
    .help = remove it; a chapter may use the HTML listed in README.md (What a chapter may contain)
E067 = the attribute `{ $attribute }` on <{ $element }> is not allowed: { $reason ->
        [program] it runs a program when something happens on the page
        [style] how the page looks comes from the theme, and a style can load files from other sites
        [class] how the page looks comes from the theme
        [id] ids are given to headings with `## Heading {"{"}#id{"}"}`
        [load] it makes the browser load a file
        [send] it sends the reader or what they typed somewhere
        [behaviour] it changes how the page behaves
       *[other] it is not one of the attributes a chapter may use
    }
    .help = remove the attribute
E068 = an HTML tag here is not closed, so the text after it would not be shown
    .help = close every tag with `>` and every quoted value with its quote
E069 = the HTML sanitiser would change this chapter's HTML, so it cannot be published as written
    .help = write the HTML more simply, with the elements listed in README.md
E070 = the HTML is nested more than { $depth } elements deep here
    .help = close the elements you open
E071 = a heading can be given an id, and nothing else
    .expected = `## Heading {"{"}#id{"}"}`: classes (`.name`) and attributes (`name=value`) are not allowed
    .help = keep only the `#id` between the braces
E072 = the heading id `{ $id }` is used twice on this page
    .help = give each heading its own {"{"}#id{"}"}
W001 = a `#` heading in a chapter is shown as `##`
    .expected = sections that start at `##`; the chapter's title comes from `title:`
    .help = write `## ` instead of `# `

## Theme strings, the word lists for search, the contacts

W002 = there is no { $file }: all { $count } theme strings are shown in `{ $source }`
    .help = copy the keys from i18n/{ $source }.yaml and translate them
W003 = { $count } theme strings are not translated and are shown in `{ $source }`: { $names }{ $more ->
        [0] {""}
       *[other] {" "}and { $more } more
    }
    .help = copy the keys from i18n/{ $source }.yaml and translate them
E090 = expected `key: text` lines
    .expected = a mapping of theme string keys to text
E091 = no label for `{ $key }`
    .expected = the words readers see for `{ $key }`, defined in site.yaml under { $group }
    .help = add
        {"    "}{ $group }:
        {"      "}{ $key }:
        {"        "}label: …
        {"        "}description: …
E092 = the reading `{ $reading }` is not written in katakana
    .expected = surface,part of speech,reading in katakana
    .help = write it like 認知症,名詞,ニンチショウ
E093 = expected 3 fields separated by commas, found { $count }
    .expected = surface,part of speech,reading in katakana
    .help = write it like 認知症,名詞,ニンチショウ
E094 = the words of data/dictionary.csv cannot be added to the dictionary
    .help = check the lines named in the detail; each reads 認知症,名詞,ニンチショウ
E095 = expected a list of groups, found { $found }
    .help = write one group per line: - [人生会議, ACP, アドバンス・ケア・プランニング]
E096 = a synonym group must list two or more terms
    .expected = a line such as - [ケアマネジャー, ケアマネ, 介護支援専門員]
W004 = none of { $terms } appears in any chapter
    .expected = at least one term of the group written in a chapter, so the others can lead to it
    .help = check the spelling against the chapters
hint-see-readme-contacts = see the contacts reference in README.md: desk ids, each with name, phone, hours and description
E097 = `{ $code }` is not a language of this site
    .expected = one of { $codes }
E098 = contact `{ $id }` has no name in `{ $source }`
    .help = add `{ $source }:` under name, the text shown when no translation exists

## Links between chapters

E080 = broken { $kind }: { $reason }{ $reader ->
        [none] {""}
       *[other] {" "}(on the page shown to readers of `{ $reader }`)
    }
link-no-address = the link has no address
link-site-root = `{ $dest }` starts at the site root
link-leaves-language = `{ $dest }` leads out of the content/{ $lang }/ folder
link-folder = `{ $dest }` is a folder or page, not a file
link-missing-file = `{ $dest }` does not exist (looked for content/{ $lang }/{ $target })
link-draft = `{ $dest }` is a draft and is not published
link-not-chapter = `{ $dest }` is not a chapter of this guidebook
link-no-heading = there is no heading `#{ $anchor }` in { $place }
place-this-page = this page
place-front-page = the front page
hint-link-parentheses = write the target between the parentheses: [text](../acp/what-is-acp.md)
hint-link-relative = write the address as seen from this file's folder (`../` is the folder above): ../acp/what-is-acp.md
hint-link-same-language = link to the chapter in the same language folder; readers are taken to their own language automatically
hint-link-file = link to the chapter's file: { $file }
hint-link-publish = publish it (remove `draft: true`) or remove the link
hint-headings-there = headings there: { $ids }

## The guidebook as a whole

E081 = the guidebook has no front page
    .expected = content/<source language>/_index.md with a title, a summary and an introduction
    .help = create it with
        {"    "}---
        {"    "}title: …
        {"    "}summary: …
        {"    "}---
        {"    "}(introduction)
E082 = order { $order } is also used by { $other }
    .expected = a different number for each chapter of a language
    .help = pick a free number; leaving gaps (10, 20, 30 …) makes it easy to insert chapters later
E083 = `{ $key }` differs from { $source }
    .expected = the source chapter to decide `{ $key }` for every language
    .help = remove `{ $key }` from the translation, or change it in { $source }
E084 = this translation has no source chapter
    .expected = { $file } to exist (a translation has the same path as its source)
hint-name-it = did you mean to name it { $file }?
hint-write-source-first = write the chapter in { $file } first, or rename this file to match an existing chapter
E099 = unknown contact id `{ $id }`
    .expected = an id defined in { $file }

## Writing the site, the theme

E101 = cannot create the folder { $folder }
E102 = cannot clear the folder { $folder }
E103 = cannot find where { $folder } is
E104 = { $folder } is among the guidebook's own files (content/, themes/, data/, i18n/)
    .help = choose an output folder such as public/
E105 = { $folder } exists and is not a folder
    .help = choose another --out
E106 = { $folder } already exists and was not written by tebiki; it is left untouched
    .help = move it away or choose another --out
E107 = cannot write the site
E108 = cannot copy { $file } into the site
E109 = cannot move the new site into place
W005 = the new site is in place, but the previous one could not be removed from { $folder }
    .help = delete that folder yourself
E110 = the page { $page } could not be rendered
    .help = fix the template; the detail names the variable or filter that failed
E111 = there is no theme `{ $name }`
    .expected = a folder themes/{ $name }/ or a theme built into tebiki (default)
    .help = write `theme: default`, or create the theme folder
E112 = the theme's templates do not compile
    .help = fix the template named in the detail

## Stand-in text from init and new

W006 = `{ $text }` is stand-in text from tebiki init or new
    .expected = { $what }
    .help = replace `{ $text }` with { $what }
E151 = `{ $text }` is stand-in text from tebiki init or new, and a booklet cannot be corrected once printed
    .expected = { $what }
    .help = replace `{ $text }` with { $what }
fill-in-city = the city's name
fill-in-phone = the desk's real phone number
fill-in-address = the address the site will be published at (base_url)
fill-in-title = the chapter's title
fill-in-summary = one sentence saying what the chapter tells
fill-in-heading = the first heading
fill-in-body = the chapter's text
fill-in-reviewer = the division that checked the chapter
hint-allow-placeholders = to print a proof with it, add --allow-placeholders

## The booklet

E120 = cannot write the booklet
E121 = a booklet is a PDF: its file name must end in .pdf
    .help = name the file, e.g. --out booklets/ja.pdf
E122 = { $file } already exists and is not a booklet made by tebiki; it is left untouched
    .help = choose another --out, or move the file away
E123 = the PDF could not be written
E124 = the booklet cannot lay out this chapter
    .help = look for what the detail names in the chapter: an image, a table, a very long word
E125 = the booklet cannot be laid out
    .help = if the guidebook has its own themes/<name>/booklet/booklet.typ, the detail is about it
E126 = the address { $url } cannot be made into a QR code
    .help = check base_url in site.yaml
E127 = the booklet's fonts cannot print { $characters }
    .expected = characters of the booklet fonts: Japanese, Chinese, Korean and Latin letters (BIZ UD Gothic, Noto Sans, Noto Sans CJK)
    .help = write it in words; emoji and rare symbols cannot be printed
W007 = `{ $word }…` is { $count } letters without a space, too long for a line of the booklet: it is broken across lines
    .help = shorten it, or put spaces in it; for a web address, link words to it: [相談窓口の案内](https://…)
E128 = the image `{ $image }` cannot be printed: there is no such file
    .expected = an image file under content/{ $lang }/
    .help = put the image beside the chapter, or correct its name
E129 = this table has { $columns } columns, too many for an A5 page
    .expected = tables of at most { $most } columns in the booklet
    .help = split the table in two, or turn some columns into a list

## tebiki new and tebiki init

E140 = name the chapter as <language>/<folders>/<name>, e.g. ja/care/bathing.md
E141 = { $file } already exists; it is left as it is
    .help = choose another name, or open the file and edit it
E142 = a translation needs its source chapter { $file } first
    .help = make the source chapter first: tebiki new <source language>/<folders>/<name>.md
E143 = cannot write { $file }
E144 = the folder is not empty; nothing in it is changed
    .help = choose a new folder, or an empty one
E145 = --git needs --tag: the tag of the tebiki release to install
E146 = --tag needs --git: the repository the tag is in
E147 = give either --git and --tag, or --crates-version
E148 = `{ $url }` is not the address of a Git repository (https://…)
E149 = `{ $tag }` is not a tag name (letters, digits, `.`, `-`, `_`, `/`)
E150 = `{ $version }` is not a version number (e.g. 0.1.0)

## Review points of tebiki check

W010 = the heading jumps from level { $from } to level { $to }
    .expected = headings that go at most one level deeper than the one before (## then ## or ###)
    .help = write { $marks } here
W011 = the summary is { $length } characters long; a phone shows about { $shown }
    .help = keep it to one short sentence; the chapter says the rest
W012 = the image has no alt text
    .expected = words saying what the image shows, for readers who cannot see it
    .help = write them in the brackets: ![家に来る看護師](nurse.png)
W013 = the link says only 「{ $words }」
    .expected = link words that say where the link goes, read on their own by screen readers
    .help = name the page, e.g. [介護保険の申請](../services/care-insurance.md)
W014 = 「{ $character }」 is { $kind ->
        [machine-dependent] a machine-dependent character
        [half-width-katakana] half-width katakana
       *[full-width-alphanumeric] a full-width letter or digit
    }
    .expected = { $kind ->
        [machine-dependent] plain characters, e.g. (1) for ①, （株） for ㈱, 平成 for ㍻
        [half-width-katakana] full-width katakana
       *[full-width-alphanumeric] half-width letters and digits
    }
    .help = public sites avoid these: some screen readers and phones show them wrongly
W015 = the date { $written } is written with slashes
    .help = write { $japanese }
W016 = this sentence is { $length } characters long
    .expected = sentences of やさしい日本語 of { $most } characters or fewer
    .help = split it into two sentences, one idea each
W017 = { $count } of { $total } chapters are not translated and are shown in `{ $source }`: { $chapters }
    .help = start a translation with: tebiki new { $lang }/<chapter>.md
W018 = 「{ $word }」 may be hard for readers of やさしい日本語
    .expected = words from the plain vocabulary (dictionary/easy-japanese.yaml)
hint-easy-word = write 「{ $word }」 instead, or explain the word where it first appears
hint-plainer-word = use a plainer word; if the chapter explains it, or it is the name of a desk, add it to { $file }
W019 = `{ $key }` is not used by the theme
    .expected = a key of the theme's strings, or the label of a term in site.yaml

## tebiki serve

E130 = cannot open the folder { $folder }
E131 = cannot watch { $folder } for saved files
E132 = cannot listen on 127.0.0.1:{ $port }
    .help = try another --port, e.g. --port 4001
E133 = watching the guidebook folder stopped
    .help = start tebiki serve again
serve-overlay-lead = The guidebook could not be built. Fix the problem below and save: this page reloads by itself. Until then the preview shows the last good build.
serve-first-build = The first build has not finished yet.
serve-serving = serving { $url } (only this computer can open it); press Ctrl+C to stop
serve-built = built { $pages } pages{ $count ->
        [0] {""}
        [1] {" "}after { $changed } changed
       *[other] {" "}after { $changed } and { $more } more changed
    } in { $seconds } s ({ $rewritten } files new or changed)
serve-failed = build failed{ $count ->
        [0] {""}
        [1] {" "}after { $changed } changed
       *[other] {" "}after { $changed } and { $more } more changed
    }: { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }; the preview shows the messages over the last good build
serve-no-browser = could not open a browser; open { $url } yourself

## What the commands say when they are done

check-summary = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }{ $warnings ->
        [0] {""}
        [one] , 1 warning
       *[other] , { $warnings } warnings
    }
build-done = built { $pages } pages ({ $files } files, { $megabytes } MB) into { $out } in { $seconds } s{ $warnings ->
        [0] {""}
        [one] , 1 warning
       *[other] , { $warnings } warnings
    }
build-failed = build failed: { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }{ $warnings ->
        [0] {""}
        [one] , 1 warning
       *[other] , { $warnings } warnings
    }; { $out } was left as it was
booklet-wrote = wrote { $file } ({ $pages } pages{ $sides ->
        [0] {""}
       *[other] {" "}on { $sides } sides
    }, { $megabytes } MB)
booklet-none = no booklet was written
took = in { $seconds } s
new-created = created { $file } (a draft: remove `draft: true` to publish it)
init-nothing-created = nothing was created
init-created = created a guidebook in { $folder } ({ $files } files); build it with: tebiki build --root { $folder }
init-replace-stand-ins = replace the stand-in text before publishing: the city name 〇〇市 (content/ja/_index.md), the phone number 000-000-0000 (data/contacts.yaml) and base_url (site.yaml); `tebiki check` shows where each one is
init-no-install-source = note: the pull-request check ({ $workflow }) does not know where to install tebiki from: write TEBIKI_GIT and TEBIKI_TAG (or TEBIKI_VERSION) in it, or run init again with --git URL --tag TAG; until then the check stops at once and says so
W020 = TEBIKI_MESSAGES is `{ $value }`, which is not ja or en; it is ignored

## The command line

E160 = no command was given
    .help = tebiki build builds the site; tebiki --help lists every command
E161 = there is no command `{ $command }`
E162 = there is no option `{ $argument }`
E163 = `{ $value }` cannot be given to { $argument }
    .expected = one of { $values }
E164 = { $argument } must be given
E165 = { $argument } cannot be given together with { $other }
E167 = `{ $value }` cannot be given to { $argument }
E166 = the command line cannot be read
hint-see-help = tebiki --help lists every command; tebiki <command> --help, its options

## Help (--help)

help-heading-usage = Usage
help-heading-commands = Commands
help-heading-options = Options
help-heading-arguments = Arguments
help-value-command = COMMAND
help-help = Print this help
help-version = Print the version of tebiki
help-messages = The language tebiki speaks in: ja or en [default: the guidebook's language; without one, the system's]
help-about = Build home-care and ACP guidebooks for the web from Markdown chapters
help-build = Build the website into the output folder (replaced only when the whole build succeeds)
help-build-root = The guidebook folder, the one holding site.yaml [default: the current folder]
help-build-out = Where to write the site [default: public/ in the guidebook folder]
help-build-no-search = Leave out the search page, its index and the search link (a faster build)
help-build-no-furigana = Leave out furigana (readings over kanji) everywhere; line-break points stay
help-build-timings = Print how long each step took and the memory used so far
help-serve = Preview the guidebook while editing: serve it on this computer and reload pages on save
help-serve-root = { help-build-root }
help-serve-port = The port on 127.0.0.1; 0 picks a free one [default: 4000]
help-serve-open = Open the front page in the default browser
help-booklet = Make print booklets (A5 PDF) of the chapters: for a print shop, or to print and fold
help-booklet-root = { help-build-root }
help-booklet-lang = One language [default: a booklet for every language of the site]
help-booklet-edition = standard (12 pt text) or large (14 pt, furigana over every kanji) [default: standard]
help-booklet-bleed = Add 3 mm bleed and crop marks around the A5 page, for a print shop
help-booklet-impose = Two A5 pages on each side of A4 landscape, in the order to fold and staple
help-booklet-duplex = How the printer turns the sheet for the back side (with --impose): short-edge or long-edge [default: short-edge]
help-booklet-out = The PDF to write (with --lang), or the folder for all of them [default: booklets/]
help-booklet-allow-placeholders = Print even with stand-in text from `tebiki init` (〇〇市, 000-000-0000) left in: a proof
help-check = Check the guidebook without writing anything: everything build checks, plus review points
help-check-root = { help-build-root }
help-check-format = text for people, json for programs, github for pull-request annotations [default: text]
help-new = Create a chapter (a draft) with its front-matter filled in: `tebiki new ja/care/bathing.md`
help-new-path = The chapter to create: <language>/<folders>/<name>.md under content/
help-new-root = { help-build-root }
help-init = Start a new guidebook in an empty folder: settings, a front page, two chapters, a desk
help-init-dir = The folder to create the guidebook in (new or empty)
help-init-git = The Git repository the pull-request check installs tebiki from (with --tag)
help-init-tag = The tag of the tebiki release in that repository, e.g. v0.1.0
help-init-crates-version = Install tebiki from crates.io, this version, instead of from Git
help-tokenize = Show how tebiki splits and reads a Japanese text (to check data/dictionary.csv entries)
help-tokenize-text = The text to read
help-tokenize-root = The guidebook folder, whose data/dictionary.csv is used too [default: the current folder]
