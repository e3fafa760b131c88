/** The page's only stylesheet, inlined: system fonts, no images, prints cleanly. */
export const STYLES = `
:root{--ink:#1d2329;--muted:#5b6570;--line:#d9dee3;--bg:#f5f7f9;--card:#fff;--error:#b3261e;--error-bg:#fdecea;--warning:#8a5a00;--warning-bg:#fff4d6;--info:#1f5f99;--info-bg:#e8f1fb;--ok:#1e6b34;--ok-bg:#e6f4ea;--bar:#4a78a8}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--ink);background:var(--bg)}
main{max-width:1100px;margin:0 auto;padding:24px 20px 48px}
h1{font-size:1.7rem;margin:0 0 4px;overflow-wrap:anywhere}
h2{font-size:1.3rem;margin:0 0 12px}
h3{font-size:1.05rem;margin:18px 0 8px;overflow-wrap:anywhere}
a{color:var(--info)}
.sub{color:var(--muted);margin:0 0 16px}
nav{display:flex;flex-wrap:wrap;gap:6px 16px;margin:0 0 20px;font-size:.95rem}
section{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:18px 20px;margin:0 0 20px}
.verdict{display:flex;gap:16px;align-items:center;border-radius:8px;padding:16px 20px;margin:0 0 16px;border:1px solid}
.verdict.fit{background:var(--ok-bg);border-color:var(--ok);color:var(--ok)}
.verdict.unfit{background:var(--error-bg);border-color:var(--error);color:var(--error)}
.verdict .mark{font-size:2.2rem;line-height:1}
.verdict strong{display:block;font-size:1.35rem}
.verdict span{color:var(--ink)}
.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px;margin:0 0 16px}
.tile{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 14px}
.tile b{display:block;font-size:1.5rem}
.tile.error b{color:var(--error)}.tile.warning b{color:var(--warning)}.tile.info b{color:var(--info)}
.tile small{color:var(--muted)}
dl.about{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0}
dl.about dt{color:var(--muted)}
dl.about dd{margin:0;overflow-wrap:anywhere}
.ladder{display:flex;list-style:none;padding:0;margin:8px 0 16px;counter-reset:step}
.ladder li{flex:1;text-align:center;position:relative;padding:38px 4px 0;font-size:.9rem;color:var(--muted)}
.ladder li::before{content:"";position:absolute;top:8px;left:50%;transform:translateX(-50%);width:22px;height:22px;border-radius:50%;background:#fff;border:3px solid var(--line);z-index:1}
.ladder li::after{content:"";position:absolute;top:18px;left:-50%;width:100%;height:4px;background:var(--line)}
.ladder li:first-child::after{display:none}
.ladder li.reached{color:var(--ink);font-weight:600}
.ladder li.reached::before{border-color:var(--step);background:var(--step)}
.ladder li.reached::after{background:var(--step)}
.ladder li.next::before{border-color:var(--step);border-style:dashed}
.ladder .tag{display:block;font-size:.75rem;font-weight:600;color:var(--info);text-transform:uppercase;letter-spacing:.03em}
.ladder .was{display:block;font-size:.75rem;font-weight:400;color:var(--muted)}
.todo{margin:0;padding-left:1.3em}
.todo li{margin:0 0 8px}
.hint{color:var(--muted);font-size:.9rem}
.badge{display:inline-block;border-radius:4px;padding:0 6px;font-size:.78rem;font-weight:600;vertical-align:1px;white-space:nowrap}
.badge.error{background:var(--error-bg);color:var(--error)}
.badge.warning{background:var(--warning-bg);color:var(--warning)}
.badge.info{background:var(--info-bg);color:var(--info)}
.badge.ok{background:var(--ok-bg);color:var(--ok)}
.badge.plain{background:var(--bg);color:var(--muted)}
.stars-rating{font-size:2rem;letter-spacing:2px;color:#c98a00;margin:0}
.stars-rating small{font-size:1rem;color:var(--ink);letter-spacing:0;margin-left:8px}
ul.levels{list-style:none;padding:0;margin:12px 0 0}
ul.levels>li{border-top:1px solid var(--line);padding:10px 0 10px 34px;position:relative}
ul.levels>li .state{position:absolute;left:0;top:10px;font-weight:700;width:24px;text-align:center}
ul.levels>li.met .state{color:var(--ok)}
ul.levels>li.unmet .state{color:var(--error)}
ul.levels ul{margin:4px 0 0;padding-left:1.2em;color:var(--muted);font-size:.92rem;overflow-wrap:anywhere}
.rule{border-top:1px solid var(--line);padding:12px 0}
.rule:first-of-type{border-top:0}
.rule h3{margin:0 0 2px;font-size:1rem}
.rule p{margin:2px 0 8px}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--line);vertical-align:top;overflow-wrap:break-word}
th{background:var(--bg);font-weight:600}
td.num,th.num{text-align:right;white-space:nowrap}
th{white-space:nowrap}
table.examples{table-layout:fixed}
.w-row{width:80px}.w-col{width:24%}.w-file{width:22%}
.rule table tr:last-child td{border-bottom:0}
.scroll{overflow-x:auto}
.scroll>table{min-width:720px}
td.miss{white-space:nowrap}
details{margin:6px 0 0}
summary{cursor:pointer;color:var(--info)}
.missbar{display:inline-block;width:60px;height:8px;background:var(--line);border-radius:4px;margin-right:6px;vertical-align:middle;overflow:hidden}
.missbar i{display:block;height:100%;background:var(--error)}
svg.hist{display:block}
svg.hist rect.bar{fill:var(--bar)}
.axis{display:flex;justify-content:space-between;width:160px;font-size:.72rem;color:var(--muted);white-space:nowrap;gap:6px}
.passes{columns:3 220px;padding-left:1.2em;margin:6px 0 0;font-size:.9rem}
footer{color:var(--muted);font-size:.85rem;text-align:center;margin-top:24px}
@media print{body{background:#fff}section{break-inside:avoid-page;border:0;padding:0}nav{display:none}details{display:block}}
`

/** Colours of the certificate levels, as the ODI's badges have them. */
export const LEVEL_STYLES = `
.ladder li.l-none{--step:#6b7480}.ladder li.l-basic{--step:#a86b32}.ladder li.l-pilot{--step:#8c969e}.ladder li.l-standard{--step:#c9a227}.ladder li.l-exemplar{--step:#5d7f94}
`
