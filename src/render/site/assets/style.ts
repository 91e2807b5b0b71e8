/**
 * The site's one stylesheet (/assets/vita.css): typography first, like a well-made LaTeX document —
 * a book serif at a comfortable size, generous leading, a narrow measure, restrained colour, small caps
 * for labels. Every colour and font is a custom property, so vita.yaml's theme can override it.
 * Light and dark follow the system; `data-theme` on <html> (set before paint) wins when the reader chose.
 * Font stacks end in a Latin generic (serif, sans-serif) before the CJK fonts: a browser takes each character
 * from the first font that has it, and a CJK font before any Latin one draws quotes and daggers full-width.
 */
export const CSS = String.raw`
:root{
--bg:#fdfcf8;--bg-soft:#f4f1ea;--text:#1d1c1a;--muted:#5c574f;--rule:#e2ddd2;
--accent:#1e4f8a;--accent-soft:#e6edf6;--award:#8c3a0f;--mark:#8c3a0f;--focus:#1e4f8a;
--font-body:"Iowan Old Style","Palatino Linotype",Palatino,"TeX Gyre Pagella","URW Palladio L",P052,"Book Antiqua",Georgia,"Noto Serif","Liberation Serif","Times New Roman",serif,"Noto Serif CJK SC","Source Han Serif SC","Songti SC",SimSun;
--font-ui:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei";
--font-mono:ui-monospace,"SF Mono",Menlo,Consolas,"DejaVu Sans Mono","Liberation Mono",monospace;
--measure:43rem;--size:1.125rem;--leading:1.62;
--chart-1:#1e4f8a;--chart-2:#b04a1c;--chart-3:#2f7343;--chart-4:#74489a;--chart-5:#8a6a12;--chart-6:#a5345a;--chart-7:#1f747c;--chart-8:#5c574f;--chart-9:#3b3b3b;
color-scheme:light;
}
:root[data-theme=dark]{
--bg:#15171a;--bg-soft:#1f2226;--text:#e7e4de;--muted:#a8a298;--rule:#343840;
--chart-1:#8db8ee;--chart-2:#f0a070;--chart-3:#8fd19e;--chart-4:#c7a4ea;--chart-5:#e0c469;--chart-6:#f08fae;--chart-7:#7fd0d6;--chart-8:#bdb7ad;--chart-9:#e0e0e0;
--accent:#8db8ee;--accent-soft:#1f2b3a;--award:#e8a66f;--mark:#e8a66f;--focus:#8db8ee;color-scheme:dark;
}
@media (prefers-color-scheme:dark){:root:not([data-theme=light]){
--bg:#15171a;--bg-soft:#1f2226;--text:#e7e4de;--muted:#a8a298;--rule:#343840;
--chart-1:#8db8ee;--chart-2:#f0a070;--chart-3:#8fd19e;--chart-4:#c7a4ea;--chart-5:#e0c469;--chart-6:#f08fae;--chart-7:#7fd0d6;--chart-8:#bdb7ad;--chart-9:#e0e0e0;
--accent:#8db8ee;--accent-soft:#1f2b3a;--award:#e8a66f;--mark:#e8a66f;--focus:#8db8ee;color-scheme:dark;
}}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--text);font-family:var(--font-body);font-size:var(--size);line-height:var(--leading);
font-kerning:normal;font-variant-numeric:oldstyle-nums proportional-nums;overflow-wrap:break-word;text-rendering:optimizeLegibility}
:lang(zh){font-variant-numeric:normal}
a{color:var(--accent);text-decoration-thickness:1px;text-underline-offset:.18em;text-decoration-color:color-mix(in srgb,currentColor 40%,transparent)}
a:hover{text-decoration-color:currentColor}
:focus-visible{outline:2px solid var(--focus);outline-offset:2px;border-radius:2px}
img{max-width:100%;height:auto}
h1,h2,h3,h4{font-weight:500;line-height:1.25;margin:1.8em 0 .6em;text-wrap:balance}
h1{font-size:2.05rem;margin:.2em 0 .35em;letter-spacing:-.005em}
h2{font-size:1.32rem;font-variant:small-caps;letter-spacing:.045em;padding-bottom:.25em;border-bottom:1px solid var(--rule)}
h3{font-size:1.1rem;font-style:italic}
h4{font-size:1rem}
p,ul,ol,dl{margin:0 0 .9em}
ul,ol{padding-left:1.3em}
li>ul,li>ol{margin:.25em 0 .35em}
li{margin:.18em 0}
strong{font-weight:600}
hr{border:0;border-top:1px solid var(--rule);margin:2em 0}
code,pre,kbd{font-family:var(--font-mono);font-size:.82em}
pre{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;display:block;overflow-x:auto;max-width:100%;margin:1.2em 0;font-size:.9em;line-height:1.45}
th,td{padding:.45em .7em;border-bottom:1px solid var(--rule);text-align:left;vertical-align:top;min-width:9em}
th{font-weight:600;border-bottom-color:var(--muted)}
thead td{border-bottom-color:var(--muted)}
blockquote{margin:1em 0;padding-left:1em;border-left:2px solid var(--rule);color:var(--muted)}
.katex{font-size:1.05em}
.katex-display,.katex-block{overflow-x:auto;overflow-y:hidden}
.muted{color:var(--muted)}
.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
[hidden]{display:none!important}
.skip{position:absolute;left:.5rem;top:-3rem;z-index:10;background:var(--bg);padding:.4rem .8rem;border:1px solid var(--rule);font-family:var(--font-ui);font-size:.9rem}
.skip:focus{top:.5rem}

/* Frame */
.site-header{border-bottom:1px solid var(--rule);font-family:var(--font-ui);font-size:.88rem}
.bar{max-width:calc(var(--measure) + 8rem);margin:0 auto;padding:.7rem 1.25rem;display:flex;flex-wrap:wrap;align-items:center;gap:.3rem 1.4rem}
.brand{font-family:var(--font-body);font-size:1.08rem;font-variant:small-caps;letter-spacing:.05em;color:var(--text);text-decoration:none;margin-right:auto}
.site-nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.15rem 1.05rem}
.site-nav li{margin:0}
.site-nav a,.tool{color:var(--muted);text-decoration:none}
.site-nav a:hover,.tool:hover,.site-nav a[aria-current=page]{color:var(--text)}
.site-nav a[aria-current=page]{box-shadow:inset 0 -1.5px 0 currentColor}
.tools{display:flex;align-items:center;gap:.75rem}
.tool{display:inline-flex;align-items:center;background:none;border:0;padding:.2rem;font:inherit;cursor:pointer;min-height:1.8rem}
.lang-menu{position:relative}
.lang-menu summary{list-style:none;gap:.3rem}
.lang-menu summary::-webkit-details-marker{display:none}
.lang-menu ul{position:absolute;right:0;top:100%;z-index:20;list-style:none;margin:.3rem 0 0;padding:.3rem 0;min-width:8rem;background:var(--bg);border:1px solid var(--rule);border-radius:4px;box-shadow:0 4px 14px rgba(0,0,0,.12)}
.lang-menu li{margin:0}
.lang-menu a{display:block;padding:.35rem .9rem;color:var(--text);text-decoration:none;white-space:nowrap}
.lang-menu a:hover,.lang-menu a:focus{background:var(--bg-soft)}
.lang-menu a[aria-current=page]{font-weight:600}
main{max-width:var(--measure);margin:0 auto;padding:2.2rem 1.25rem 3rem}
.site-footer{max-width:var(--measure);margin:0 auto;padding:1.4rem 1.25rem 2.5rem;border-top:1px solid var(--rule);font-family:var(--font-ui);font-size:.8rem;color:var(--muted)}
.site-footer a{color:inherit}

/* Page heads */
.page-head{margin-bottom:2rem}
.kicker{font-family:var(--font-ui);font-size:.78rem;letter-spacing:.08em;text-transform:uppercase;color:var(--muted);margin:0 0 .2rem}
.kicker a{color:inherit;text-decoration:none}
.kicker .other-script{letter-spacing:.02em}
.subtitle{color:var(--muted);font-size:1.05rem;margin-top:-.2em}
.other-script{font-weight:400;color:var(--muted);margin-left:.15em}
.lede{font-size:1.08rem}
.see-also{font-family:var(--font-ui);font-size:.85rem;color:var(--muted)}
.year-pages{font-family:var(--font-ui);font-size:.85rem;color:var(--muted);margin:0 0 1.2rem}
.year-pages p{margin:0 0 .3rem}
.year-pages ul{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.2rem 1rem}
.year-pages a[aria-current=page]{color:var(--text);font-weight:600;text-decoration:none}
.tabs ul{list-style:none;padding:0;margin:1rem 0 0;display:flex;flex-wrap:wrap;gap:.2rem 1.2rem;font-family:var(--font-ui);font-size:.85rem;border-bottom:1px solid var(--rule)}
.tabs li{margin:0}
.tabs a{display:inline-block;padding:.35rem 0;color:var(--muted);text-decoration:none}
.tabs a[aria-current=page]{color:var(--text);box-shadow:inset 0 -2px 0 var(--text)}

/* A person */
.person-head{margin-bottom:1rem}
.person-head.with-photo{display:grid;grid-template-columns:9.5rem 1fr;gap:1.6rem;align-items:start}
.photo{width:100%;height:auto;border-radius:2px;display:block}
picture{display:contents}
.job-title{font-size:1.12rem;margin:0}
.affiliations{list-style:none;padding:0;margin:.1rem 0 .8rem}
.affiliations li{margin:0}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.6rem 0 .8rem}
.facts>div{display:contents}
.facts dt{font-variant:small-caps;letter-spacing:.05em;color:var(--muted)}
.facts dd{margin:0;min-width:0}
.email{font-family:var(--font-body)}
.profiles{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.3rem 1.1rem;font-family:var(--font-ui);font-size:.86rem}
.profiles li{margin:0}
.themes li{margin:.35em 0}
.notice{background:var(--bg-soft);padding:.1rem 1.2rem .4rem;border-radius:3px}
.notice h2{border:0}

/* Publications */
.legend{font-size:.9rem;color:var(--muted);font-style:italic}
.pubs{list-style:none;padding:0;margin:0 0 1.2rem}
.pub{margin:0 0 1.25rem;line-height:1.5}
.pubs.numbered .pub{display:grid;grid-template-columns:2.9rem 1fr}
.pub:has(>.pub-preview){display:grid;grid-template-columns:9rem 1fr;gap:0 1rem}
.pubs.numbered .pub:has(>.pub-preview){grid-template-columns:2.9rem 9rem 1fr}
.pub-thumb{width:100%;height:auto;border-radius:2px;border:1px solid var(--rule);display:block}
.pub-preview-figure{margin:0 0 1.5rem;max-width:30rem}
.pub-figure{width:100%;height:auto;border-radius:2px;display:block}
.pub-number{font-variant-numeric:lining-nums tabular-nums;color:var(--muted);font-size:.92rem;padding-top:.05em}
.pub-body>p{margin:0}
.pub-title{font-weight:500}
.pub-title a{color:var(--text);text-decoration:none}
.pub-title a:hover{color:var(--accent);text-decoration:underline}
.pub-authors{color:var(--text);font-size:.96rem}
.pub-authors a{color:inherit}
.author .me,.pub-authors strong{font-weight:650}
.marks{color:var(--mark);font-size:.9em;margin-left:.05em}
.pub-venue{font-size:.96rem;color:var(--muted)}
.venue-name{font-style:italic}
.pages{white-space:nowrap}
.status{font-style:italic}
.badge{display:inline-block;font-family:var(--font-ui);font-size:.66rem;font-weight:600;letter-spacing:.04em;line-height:1.5;padding:0 .42em;border:1px solid currentColor;border-radius:3px;color:var(--accent);vertical-align:.16em;white-space:nowrap;font-variant-numeric:lining-nums}
.award{font-variant:small-caps;letter-spacing:.04em;color:var(--award);font-weight:600;white-space:nowrap}
.pub-actions{display:flex;flex-wrap:wrap;align-items:flex-start;gap:.3rem .45rem;margin:.35rem 0 0;font-family:var(--font-ui);font-size:.74rem}
.action,.action-more>summary{display:inline-block;padding:.02rem .5rem;border:1px solid var(--rule);border-radius:3px;color:var(--accent);text-decoration:none;cursor:pointer;line-height:1.6;letter-spacing:.02em}
.action:hover,.action-more>summary:hover{border-color:var(--accent)}
.action-more>summary{list-style:none}
.action-more>summary::-webkit-details-marker{display:none}
.action-more[open]{flex-basis:100%;order:1}
.action-more[open]>summary{background:var(--accent-soft)}
.action-more .abstract{font-family:var(--font-body);font-size:.95rem;line-height:1.55;margin:.5rem 0 .3rem;color:var(--text)}
.abstract p:last-child{margin-bottom:0}
.bibtex{position:relative;margin:.5rem 0 .2rem}
.bibtex pre{margin:0;padding:2.1rem .9rem .75rem;background:var(--bg-soft);border-radius:3px;font-size:.76rem;line-height:1.5;white-space:pre-wrap;overflow-wrap:anywhere}
.pub.compact{margin:0 0 .8rem}
.pub-cite{margin:0}
.cite-title{color:var(--text);text-decoration:none;font-weight:500}
.cite-title:hover{color:var(--accent);text-decoration:underline}
.pub-cite .pub-venue{font-size:inherit}
.pub-links{font-family:var(--font-ui);font-size:.74rem;margin-left:.2em}
.pub-links a{color:var(--accent);text-decoration:none;margin-right:.6em;white-space:nowrap}
.pub-links a:hover{text-decoration:underline}
.copy{position:absolute;top:.35rem;right:.35rem;font:inherit;font-family:var(--font-ui);font-size:.72rem;padding:.1rem .55rem;border:1px solid var(--rule);border-radius:3px;background:var(--bg);color:var(--accent);cursor:pointer}
.group-head{margin-top:2.2em}
.year-head{font-style:normal;font-size:1rem;font-variant-numeric:lining-nums;color:var(--muted);margin:1.3em 0 .6em;letter-spacing:.04em}
.metrics-figures{display:flex;flex-wrap:wrap;gap:.4rem 2rem;margin:.4rem 0}
.metrics-figures dt{font-family:var(--font-ui);font-size:.8rem;letter-spacing:.03em;color:var(--muted)}
.metrics-figures dd{margin:0;font-size:1.5rem;font-variant-numeric:tabular-nums}
.metrics-note{font-family:var(--font-ui);font-size:.85rem;color:var(--muted)}
.pubs.by-citations{padding-left:0}
.metrics-line>span{white-space:nowrap}
.filters{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:0 0 1.2rem;padding:.7rem;background:var(--bg-soft);border-radius:3px;font-family:var(--font-ui);font-size:.85rem}
.filters input,.filters select{font:inherit;color:var(--text);background:var(--bg);border:1px solid var(--rule);border-radius:3px;padding:.3rem .5rem;max-width:100%}
.filter-text{flex:1 1 100%}
.filter-text input{width:100%}
.filter-count{color:var(--muted);margin-left:auto}
.research-statement li{margin:.4em 0}
.research-statement a[href^="#pub-"],.cv-section a[href^="#pub-"]{font-variant-numeric:lining-nums;text-decoration-color:color-mix(in srgb,currentColor 55%,transparent)}
.coauthors li{margin:.3em 0}
.tag{display:inline-block;font-family:var(--font-ui);font-size:.72rem;padding:0 .45em;border-radius:3px;background:var(--bg-soft);color:var(--muted)}
.topics{margin-top:1rem}
.topics .label{font-variant:small-caps;color:var(--muted);margin-right:.4em}
.publication .pub-authors{font-size:1.05rem}
.cite h2,.abstract h2{margin-top:1.6em}
:target{scroll-margin-top:1rem}
.pub:target{background:var(--accent-soft);box-shadow:0 0 0 .4rem var(--accent-soft);border-radius:2px}

/* News, talks, events, CV rows */
.news,.talks,.events,.cv-rows{list-style:none;padding:0}
.news-item,.talk,.event,.cv-row{display:grid;grid-template-columns:6.2rem 1fr;gap:.1rem 1rem;margin:0 0 1rem}
.news-item>time,.talk>time,.event>time,.cv-when{font-family:var(--font-ui);font-size:.8rem;color:var(--muted);padding-top:.28em;font-variant-numeric:tabular-nums}
.event{grid-template-columns:9.5rem 1fr}
.news-body>*:last-child,.talk>div>*:last-child,.event>div>*:last-child,.cv-what>*:last-child{margin-bottom:0}
.news-body p,.news-body ul{margin-bottom:.3em}
.news-body ul{color:var(--muted);font-size:.95rem}
.news-title{font-weight:500}
.news-refs{font-size:.88rem;display:flex;flex-wrap:wrap;gap:.2rem 1rem}
.news-ref{color:var(--muted)}
.news-people{color:var(--muted)}
.talk p,.event p{margin:0}
.talk-title,.event-title{font-weight:500}
.event-title a{color:var(--text)}
.event-links.pub-links{margin-left:0}
.cv-row{grid-template-columns:9.5rem 1fr}
.cv-what p{margin:0}
.cv-notes{font-size:.93rem;color:var(--muted);margin:.2em 0 0}
.cv-desc{color:var(--muted);font-size:.95rem}
.cv-head{margin-bottom:1.5rem}
.cv-service li{margin:.3em 0}
.amount{font-variant-numeric:lining-nums}
.status-badge{font-family:var(--font-ui);font-size:.7rem;text-transform:uppercase;letter-spacing:.06em;color:var(--award);border:1px solid currentColor;border-radius:3px;padding:0 .4em;vertical-align:.25em;margin-left:.4em}
.muted-event .event-title a{text-decoration:line-through;color:var(--muted)}
.event-facts{font-size:1.02rem;margin:0 0 1rem;font-variant-numeric:lining-nums}
.host address{font-style:normal;color:var(--muted);font-size:.95rem}
.host-logo{display:block;margin-bottom:.5rem}
.series-list li{margin:.3em 0}

/* People and the group */
.cards{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.9rem 1.4rem}
.card{display:flex;gap:.8rem;align-items:flex-start;margin:0}
.card p{margin:0}
.card-photo{width:4rem;height:5rem;object-fit:cover;border-radius:2px}
.card-name{font-weight:500}
.names{columns:2 12rem;padding-left:1.1em;margin-top:0}
.names li{margin:0 0 .25em;break-inside:avoid}
.role h3{font-size:1rem;font-style:normal;font-variant:small-caps;letter-spacing:.05em;color:var(--muted);margin:1.2em 0 .5em}
.alumni li{margin:.3em 0}
.home-head h1{font-size:2.25rem}
.home-head .other-script{display:block;font-size:1.35rem;margin:.25rem 0 0}
.search{min-height:12rem;font-family:var(--font-ui);--pagefind-ui-primary:var(--accent);--pagefind-ui-text:var(--text);--pagefind-ui-background:var(--bg);--pagefind-ui-border:var(--rule);--pagefind-ui-tag:var(--bg-soft);--pagefind-ui-font:var(--font-ui);--pagefind-ui-border-radius:3px}
.search .pagefind-ui mark{background:color-mix(in srgb,var(--accent) 22%,transparent);color:inherit;border-radius:2px}

/* Pages, posts and projects written by the owner */
main.wide{max-width:calc(var(--measure) + 8rem)}
.prose li{margin:.3em 0}
.prose img{max-width:100%;height:auto}
.prose a[href^="#pub-"]{font-variant-numeric:lining-nums;text-decoration-color:color-mix(in srgb,currentColor 55%,transparent)}
.references h2,.post #publications h2,.project #publications h2{margin-top:2em}
.posts{list-style:none;padding:0;margin:0}
.post-item{margin:0 0 1.9rem}
.post-item .post-title{font-size:1.28rem;font-variant:normal;letter-spacing:0;border:0;padding:0;margin:0 0 .15rem}
.post-title a{color:var(--text);text-decoration:none}
.post-title a:hover{color:var(--accent);text-decoration:underline}
.post-meta{font-family:var(--font-ui);font-size:.8rem;color:var(--muted);margin:0 0 .5rem;font-variant-numeric:tabular-nums}
.post-meta a{color:inherit}
.post-summary p{margin:.2rem 0 .4rem}
.post-tags,.project-tags{margin:.2rem 0 0;line-height:1.9}
a.tag{text-decoration:none}
a.tag:hover{color:var(--text)}
.post .page-head .post-meta{margin-top:.4rem}
.pager,.post-nav{display:grid;grid-template-columns:1fr auto 1fr;gap:1rem;align-items:baseline;margin:2.5rem 0 0;padding-top:1rem;border-top:1px solid var(--rule);font-family:var(--font-ui);font-size:.88rem}
.pager>:last-child,.post-nav>:last-child{text-align:right}
.post-nav{grid-template-columns:1fr 1fr}
.post-nav a{text-decoration:none;color:var(--text)}
.post-nav a:hover{color:var(--accent)}
.post-nav .muted{display:block;font-size:.75rem;letter-spacing:.06em;text-transform:uppercase}
.tag-list{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem 1.4rem;font-family:var(--font-ui);font-size:.92rem}
.project-grid{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));gap:1.6rem 1.6rem;margin:0}
.project-card{display:flex;flex-direction:column;margin:0;border:1px solid var(--rule);border-radius:3px;overflow:hidden;background:var(--bg)}
.project-card .project-image{display:block;width:100%;height:auto;aspect-ratio:16/9;object-fit:cover;background:var(--bg-soft);border-bottom:1px solid var(--rule)}
.project-text{padding:.8rem 1rem 1rem}
.project-text p{margin:.3rem 0 0;font-size:.95rem}
.project-title{font-size:1.08rem;font-style:normal;font-variant:normal;letter-spacing:0;border:0;padding:0;margin:0}
.project-title a{color:var(--text);text-decoration:none}
.project-title a:hover{color:var(--accent);text-decoration:underline}
.project-text .project-period{font-family:var(--font-ui);font-size:.76rem;color:var(--muted);margin:.1rem 0 0;font-variant-numeric:tabular-nums}
.project-grid.compact{grid-template-columns:repeat(auto-fill,minmax(13rem,1fr));gap:1rem;margin-bottom:1.6rem}
.project-grid.compact .project-text>p:not(.project-period){display:none}
.project-people{color:var(--muted);margin:.3rem 0 0}
.project-figure{margin:0 0 1.6rem}
.project-figure img{display:block;max-width:100%;height:auto;border:1px solid var(--rule);border-radius:3px;background:var(--bg-soft)}
.read-more{font-family:var(--font-ui);font-size:.82rem;margin:.1rem 0 .3rem}
.news-title a{color:var(--text)}

@media (max-width:40rem){
:root{--size:1.0625rem}
h1{font-size:1.7rem}
.home-head h1{font-size:1.85rem}
.bar{padding:.6rem 1rem}
.site-nav{order:3;flex-basis:100%}
.brand{flex:1 1 10rem;font-size:1rem}
main{padding:1.6rem 1rem 2.5rem}
.person-head.with-photo{grid-template-columns:6.5rem 1fr;gap:1rem}
.news-item,.talk,.event,.cv-row{grid-template-columns:1fr}
.pager{grid-template-columns:1fr 1fr}
.pager>.muted{display:none}
.news-item>time,.talk>time,.event>time,.cv-when{padding:0}
.pubs.numbered .pub{grid-template-columns:2.4rem 1fr}
.pub:has(>.pub-preview){grid-template-columns:6rem 1fr}
.pubs.numbered .pub:has(>.pub-preview){grid-template-columns:2.4rem 6rem 1fr}
.facts{grid-template-columns:1fr;gap:0}
.facts dd{margin-bottom:.35rem}
}

/* Charts (render/site/charts/): drawn 480 units wide and shown at most 30rem, so labels stay >= 11 px on a phone. */
.charts{display:grid;grid-template-columns:minmax(0,1fr);gap:1.6rem;margin:1.4rem 0 2.2rem}
.chart{margin:0;max-width:30rem;font-family:var(--font-ui)}
.chart figcaption{font-size:.9rem;font-weight:600;margin-bottom:.35rem}
.chart figcaption .muted{font-weight:400}
.chart-svg{display:block;width:100%;height:auto;overflow:visible}
.chart-grid line{stroke:var(--rule);stroke-width:1}
.chart-axis{stroke:var(--muted);stroke-width:1.2}
.chart-label{fill:var(--muted);font-variant-numeric:tabular-nums}
.chart-bars rect{stroke:var(--bg);stroke-width:1}
.chart-mark{fill:var(--bg);stroke:var(--bg);stroke-width:1.3}
.chart-c1{fill:var(--chart-1)}.chart-c2{fill:var(--chart-2)}.chart-c3{fill:var(--chart-3)}.chart-c4{fill:var(--chart-4)}.chart-c5{fill:var(--chart-5)}
.chart-c6{fill:var(--chart-6)}.chart-c7{fill:var(--chart-7)}.chart-c8{fill:var(--chart-8)}.chart-c9{fill:var(--chart-9)}
.chart-links line{stroke:var(--muted);stroke-opacity:.5;stroke-linecap:round}
.chart-link-count text{fill:var(--text);paint-order:stroke;stroke:var(--bg);stroke-width:5px;stroke-linejoin:round}
.chart-nodes text{fill:var(--text)}
.chart-nodes a text{fill:var(--accent)}
.chart-nodes a:hover text{text-decoration:underline}
.chart-nodes a:focus-visible{outline:none}
.chart-nodes a:focus-visible circle{stroke:var(--focus);stroke-width:4}
.chart-member{fill:var(--accent);stroke:var(--bg);stroke-width:1.5}
.chart-other{fill:var(--bg);stroke:var(--accent);stroke-width:2.5}
.chart-legend{list-style:none;padding:0;margin:.5rem 0 0;display:flex;flex-wrap:wrap;gap:.25rem 1.1rem;font-size:.8rem;line-height:1.4}
.chart-legend li{display:flex;align-items:center;gap:.4rem;margin:0}
.chart-swatch{width:1rem;height:1rem;flex:none}
.chart-data{font-size:.8rem;margin-top:.4rem}
.chart-data summary{cursor:pointer;color:var(--accent);width:max-content;max-width:100%}
.chart-data table{font-size:1em;margin:.5rem 0}
.chart-data th,.chart-data td{padding:.15rem .8rem .15rem 0;min-width:0}
.chart-data td{font-variant-numeric:tabular-nums}

@media print{
:root:not(#_){--bg:#fff;--bg-soft:#f3f3f3;--text:#000;--muted:#444;--rule:#bbb;--accent:#000;--award:#000;--mark:#000;color-scheme:light}
.chart-data{display:none}
.chart{break-inside:avoid}
body{font-size:10.5pt;line-height:1.45}
.site-header,.site-footer,.skip,.tabs,.filters,.copy,.theme-toggle,.action-more,.pub-actions,.pub-links,.see-also,.no-match{display:none!important}
main{max-width:none;padding:0}
a{color:inherit;text-decoration:none}
main p a[href^="http"]::after,main li>a[href^="http"]::after{content:" <" attr(href) ">";font-size:.85em;color:var(--muted);word-break:break-all}
.pub-title a::after,.research-statement a::after,.cv-rows a::after{content:none!important}
h2{break-after:avoid}
.pub,.news-item,.cv-row,.event,.talk{break-inside:avoid}
.notice{background:none;padding:0}
}
`;
