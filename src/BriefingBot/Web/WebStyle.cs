namespace BriefingBot.Web;

/// <summary>The one stylesheet: readable on a phone (fluid width, large tap targets), no framework, no build step.</summary>
public static class WebStyle
{
    public const string Css = """
        *, *::before, *::after { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d232b; background: #f6f7f9; }
        header.top { background: #1f3b5b; color: #fff; padding: .6rem 1rem; display: flex; flex-wrap: wrap; gap: .4rem 1rem; align-items: baseline; }
        header.top a { color: #fff; font-weight: 600; text-decoration: none; }
        header.top .who { margin-left: auto; font-size: .9rem; opacity: .85; }
        header.top form { display: inline; }
        header.top button { font: inherit; font-size: .9rem; background: none; border: 1px solid #fff8; color: #fff; border-radius: 4px; padding: .1rem .5rem; }
        .card form button { font: inherit; background: #1f3b5b; color: #fff; border: 0; border-radius: 4px; padding: .5rem 1rem; }
        main { max-width: 52rem; margin: 0 auto; padding: 1rem; }
        h1 { font-size: 1.5rem; line-height: 1.25; margin: .5rem 0 1rem; overflow-wrap: anywhere; }
        h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
        h3 { font-size: 1rem; margin: 0 0 .25rem; overflow-wrap: anywhere; }
        a { color: #1a5fb4; }
        ul.plain { list-style: none; padding: 0; margin: 0; }
        ul.plain > li { padding: .5rem 0; border-bottom: 1px solid #e1e4e8; }
        .card { background: #fff; border: 1px solid #e1e4e8; border-radius: 8px; padding: .8rem 1rem; margin: 0 0 1rem; }
        .muted { color: #5a6572; font-size: .9rem; }
        .body { white-space: pre-line; overflow-wrap: anywhere; }
        .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: .5rem; margin: 0 0 1rem; }
        .figures div { background: #fff; border: 1px solid #e1e4e8; border-radius: 8px; padding: .5rem .75rem; }
        .figures b { display: block; font-size: 1.2rem; }
        figure { margin: 0 0 1rem; }
        figure img { width: 100%; height: auto; background: #fff; border: 1px solid #e1e4e8; border-radius: 8px; }
        figcaption { font-size: .9rem; color: #5a6572; }
        table { border-collapse: collapse; width: 100%; background: #fff; font-size: .95rem; }
        th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid #e1e4e8; vertical-align: top; }
        .table-wrap { overflow-x: auto; }
        nav.pages, nav.ranges { display: flex; flex-wrap: wrap; gap: .5rem; margin: 1rem 0; }
        nav.pages a, nav.ranges a, nav.ranges span { display: inline-block; padding: .35rem .8rem; border: 1px solid #c9d1da; border-radius: 999px; text-decoration: none; background: #fff; }
        nav.ranges span { background: #1f3b5b; color: #fff; border-color: #1f3b5b; }
        .tag { display: inline-block; font-size: .8rem; padding: 0 .45rem; border-radius: 4px; background: #e8eef5; color: #1f3b5b; }
        @media (max-width: 600px) { main { padding: .75rem; } h1 { font-size: 1.3rem; } }
        """;
}
