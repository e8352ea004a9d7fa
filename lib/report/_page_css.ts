/** Stylesheet of report pages (system fonts only: nothing is fetched). */
export const PAGE_CSS = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;
margin:0;color:#1f2328;background:#fff}
main{max-width:1200px;margin:0 auto;padding:24px 32px 48px}
h1{font-size:1.8em;margin:0 0 4px}h2{font-size:1.3em;margin:32px 0 8px;
border-bottom:1px solid #d0d7de;padding-bottom:4px}
.subtitle{color:#57606a;margin:0 0 16px}
.strikelab-meta{border-collapse:collapse;margin:8px 0 16px;font-size:.9em}
.strikelab-meta th{text-align:left;color:#57606a;font-weight:600;padding:2px 16px 2px 0}
.strikelab-meta td{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;padding:2px 0}
.strikelab-figure{width:100%;margin:8px 0 16px}
figure{margin:0}figcaption{color:#57606a;font-size:.9em;margin:-8px 0 16px}
.strikelab-table{overflow-x:auto;margin:8px 0 16px}
.strikelab-table table{border-collapse:collapse;font-size:.85em;
font-family:ui-monospace,SFMono-Regular,Menlo,monospace}
.strikelab-table th,.strikelab-table td{border-bottom:1px solid #eaeef2;padding:3px 10px;text-align:right}
.strikelab-table th.dtype{color:#8c959f;font-weight:400;font-size:.85em}
.strikelab-table tr.cut td{text-align:center;color:#8c959f}
.strikelab-table-shape,.strikelab-table-title{margin:4px 0;font-size:.85em;color:#57606a}
.strikelab-table-title{font-weight:600;color:#1f2328}
footer{color:#8c959f;font-size:.8em;margin-top:40px}
`.trim();
