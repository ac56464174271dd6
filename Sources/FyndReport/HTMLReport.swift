import FyndCases
import FyndCore

/// A self-contained HTML page for analysts (no network, no CDN), in Swedish: a map of the
/// cases per municipality, charts with legends, the cases with a timeline each, and a paged,
/// searchable table of the documents about supervision with their evidence. Other documents
/// are counted, not listed; the page carries at most `documentBudget` and `caseBudget` bytes
/// of data (the newest first), so its size stays bounded over any archive.
public enum HTMLReport {
    public static let documentBudget = 1_100_000
    public static let caseBudget = 400_000

    public static func render(_ docs: [ReportDocument], title: String = "fynd – tillsyn av socialtjänsten") -> String {
        let s = ReportSummary(docs)
        let stories = docs.filter(\.relevant)
        let cases = CaseGrouping().cases(stories.compactMap(\.caseDocument))
        let data = PageData(stories: stories, cases: cases, docBudget: documentBudget, caseBudget: caseBudget)
        let casesPer = Dictionary(cases.map { ($0.municipality, 1) }, uniquingKeysWith: +)
        let others = s.documents - s.relevant - s.failed
        let outcomeColours = Dictionary(uniqueKeysWithValues: SwedishLabels.outcomeColours + [("", "#d5dbe1")])
        let polarityColours = Dictionary(uniqueKeysWithValues: SwedishLabels.polarityColours)
        let outcomeItems = SwedishLabels.outcomeColours.map { (SwedishLabels.outcome($0.0), $0.1) }
        let polarityLegend = BarChart.legend(SwedishLabels.polarityColours.map { (SwedishLabels.polarity($0.0), $0.1) })

        var html = """
            <!DOCTYPE html>
            <html lang="sv"><head><meta charset="utf-8"><title>\(escape(title))</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <style>\(style)</style></head><body>
            <h1>\(escape(title))</h1>
            <p class="stats"><span><b>\(s.relevant)</b> dokument om tillsyn</span><span><b>\(cases.count)</b> ärenden i <b>\(casesPer.count)</b> kommuner</span>\
            <span><b>\(others)</b> andra dokument (inte om tillsyn) räknas men visas inte</span><span><b>\(s.failed)</b> kunde inte läsas</span></p>
            <div class="grid">
            <section class="card mapcard"><h2>Ärenden per kommun</h2>\(SwedenMap.svg(cases: casesPer))\(SwedenMap.legend)\
            <p class="note">Klicka på en kommun för att se dess ärenden och dokument. \(escape(SwedenMap.attribution))</p></section>
            <div class="charts">

            """
        html += card("Dokument om tillsyn per år och utfall",
                     BarChart.stacked(s.yearsByOutcome, colours: outcomeColours, labels: { $0.isEmpty ? "inget utfall" : SwedishLabels.outcome($0) })
                     + BarChart.legend(outcomeItems + [("inget utfall", outcomeColours[""]!)])
                     + (s.undated > 0 ? "<p class=\"note\">\(s.undated) dokument utan känt år ingår inte.</p>" : ""))
        html += card("Fynd per kategori: brist, förbättring, omnämnd",
                     BarChart.stacked(s.categoriesByPolarity.map { (SwedishLabels.category($0.0), $0.1) }, colours: polarityColours, labels: SwedishLabels.polarity)
                     + polarityLegend)
        html += card("Utfall", BarChart.svg(s.outcomes.map { (SwedishLabels.outcome($0.0), $0.1) }, colour: "#b5762f"))
        html += card("Tillsynstyp", BarChart.svg(s.tillsynstyp.map { (SwedishLabels.tillsynstyp($0.0), $0.1) }, colour: "#6b5bb5"))
        html += card("Kommuner som nämns i flest dokument om tillsyn", BarChart.svg(Array(s.municipalities.prefix(15)), colour: "#2f8f6f"))
        html += """
            </div></div>
            <div class="tools"><input id="search" type="search" placeholder="Sök kommun, kategori, ord i beviset …" aria-label="Sök">\
            <label><input id="open" type="checkbox"> bara ärenden som inte är avslutade</label> <span id="place"></span></div>
            <h2>Ärenden</h2>
            <p class="note">Ett ärende är de dokument som rapporterar samma tillsyn: samma kommun och tillsynsmyndighet, \
            samma diarienummer där ett anges, närliggande tid och gemensamma fynd. Tidslinjen visar dokumenten, färgade efter \
            det senaste utfallet de rapporterar.\(data.casesShown < cases.count ? " Visar de \(data.casesShown) senaste av \(cases.count) ärenden." : "")</p>
            \(BarChart.legend(outcomeItems))
            <div id="cases"></div><nav class="pager" id="casepager"></nav>
            <h2>Dokument om tillsyn</h2>
            <p class="note">Varje mening visas en gång, med de matchade orden markerade och kategorierna efter den, färgade som \
            brist, förbättring eller omnämnd.\(data.docsShown < stories.count ? " Visar de \(data.docsShown) senaste av \(stories.count) dokument; alla finns i CSV-filen (fynd report --csv)." : "")</p>
            \(polarityLegend)
            <div class="scroll"><table id="documents"><thead><tr><th>Dokument</th><th>Publicerad</th><th>Kommun</th><th>Tillsynstyp</th><th>Utfall</th><th>Bevis och kategorier</th></tr></thead><tbody></tbody></table></div>
            <nav class="pager" id="docpager"></nav>
            <output id="selftest" hidden></output>
            <script type="application/json" id="data">{"docs":\(data.docsJSON),"cases":\(data.casesJSON),"outcomes":\(outcomesJSON)}</script>
            <script>\(script)</script>
            </body></html>

            """
        return html
    }

    private static func card(_ heading: String, _ body: String) -> String {
        "<section class=\"card\"><h2>\(escape(heading))</h2>\(body)</section>\n"
    }

    /// Outcome id → [words, colour], for the script.
    private static var outcomesJSON: String {
        "{" + SwedishLabels.outcomeColours.map { "\"\($0.0)\":[\"\(SwedishLabels.outcome($0.0))\",\"\($0.1)\"]" }.joined(separator: ",") + "}"
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    static let style = """
        body{font-family:system-ui,sans-serif;margin:1.5em;color:#1d2733;background:#fafbfc}
        h1{font-size:1.6em}h2{font-size:1.15em;margin:1.2em 0 .5em}.card h2{margin-top:0}
        .grid{display:grid;grid-template-columns:minmax(260px,340px) 1fr;gap:1.2em;align-items:start}
        .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(440px,1fr));gap:1.2em}
        @media (max-width:800px){.grid,.charts{grid-template-columns:1fr}body{margin:.6em}}
        .card{background:#fff;border:1px solid #dde3ea;border-radius:8px;padding:1em;overflow-x:auto}
        .map{width:100%;max-height:640px}.map path{stroke:#fff;stroke-width:.25;cursor:pointer}.map path:hover,.map path.on{stroke:#d33;stroke-width:1}
        .stats span{display:inline-block;margin-right:1.5em;font-size:1.05em}
        .legend{font-size:.85em;margin:.4em 0}.legend span{margin-right:1em;white-space:nowrap}
        .legend i{display:inline-block;width:.9em;height:.9em;border-radius:2px;margin-right:.3em;vertical-align:-.1em}
        .note{font-size:.85em;color:#5a6673}
        .tools{position:sticky;top:0;background:#fafbfc;padding:.6em 0;z-index:2;display:flex;flex-wrap:wrap;gap:.6em 1.2em;align-items:center}
        #search{flex:1 1 300px;padding:.5em;font-size:1em;border:1px solid #c7d0da;border-radius:6px}
        #place button{margin-left:.4em}
        .scroll{overflow-x:auto}
        table{border-collapse:collapse;width:100%;background:#fff;font-size:.92em}
        th,td{border-bottom:1px solid #e4e8ee;padding:.4em .5em;text-align:left;vertical-align:top}
        th{background:#eef2f6}
        td ul{margin:0;padding-left:1.1em}td li{margin-bottom:.3em}
        mark{background:#ffe58a;padding:0 .1em}
        .tag{display:inline-block;background:#e7eefb;border-radius:4px;padding:0 .35em;margin:.1em;font-size:.82em;white-space:nowrap}
        .deficit{background:#f6d3d3}.improvement{background:#d3efdc}.mention{background:#e6e9ed}
        .case{background:#fff;border:1px solid #dde3ea;border-radius:8px;padding:.7em 1em;margin-bottom:.8em}
        .case h3{margin:.1em 0;font-size:1.05em}.case ol{margin:.3em 0;padding-left:1.2em;font-size:.92em}
        .state{color:#fff;border-radius:4px;padding:0 .4em;font-size:.8em;margin-left:.4em;font-weight:normal}
        .tl{width:100%;max-width:640px;height:auto;display:block}
        .pager{margin:.6em 0}.pager button{margin-right:.3em}
        """

    static let script = """
        (function () {
          var D = JSON.parse(document.getElementById('data').textContent), O = D.outcomes;
          var query = '', place = '', onlyOpen = false, docPage = 0, casePage = 0, DOCS = 50, CASES = 10;
          function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]; }); }
          function tags(xs, cls) { return xs.map(function (x) { return '<span class="tag' + (cls ? ' ' + cls : '') + '">' + esc(x) + '</span>'; }).join(''); }
          function outcome(o) { var w = O[o] || [o, '#888']; return '<span class="tag" style="background:' + w[1] + ';color:#fff">' + esc(w[0]) + '</span>'; }
          D.docs.forEach(function (r) {
            r.q = [r.t, r.id, r.k.join(' '), r.y.join(' '), r.a.join(' '), r.u.map(function (o) { return (O[o] || [o])[0]; }).join(' ')]
              .concat(r.e.map(function (e) { return e.h.replace(/<[^>]+>/g, '') + ' ' + e.f.map(function (f) { return f[0]; }).join(' '); }))
              .join(' ').toLowerCase();
          });
          D.cases.forEach(function (c) {
            c.q = [c.k, c.s, c.n.join(' '), c.a.join(' '), c.c.join(' ')].concat(c.docs.map(function (d) { return d.t; })).join(' ').toLowerCase();
          });
          function pager(el, count, page, size, go) {
            var pages = Math.ceil(count / size);
            el.innerHTML = pages < 2 ? '' : '<button' + (page ? '' : ' disabled') + '>‹ Föregående</button>Sida ' + (page + 1) + ' av ' + pages +
              ' <button' + (page + 1 < pages ? '' : ' disabled') + '>Nästa ›</button>';
            var b = el.querySelectorAll('button');
            if (b.length) { b[0].onclick = function () { go(page - 1); }; b[1].onclick = function () { go(page + 1); }; }
          }
          function timeline(c) {
            var ds = c.docs.filter(function (d) { return d.d.length === 10; });
            if (!ds.length) return '<p class="note">Inga daterade dokument.</p>';
            var t = ds.map(function (d) { return Date.parse(d.d); }), a = Math.min.apply(null, t), b = Math.max.apply(null, t);
            var span = Math.max(b - a, 60 * 864e5), W = 600, x0 = 14, w = W - 28, x = function (v) { return x0 + w * (v - a) / span; };
            var out = '<svg class="tl" viewBox="0 0 ' + W + ' 52" role="img" aria-label="Tidslinje"><line x1="' + x0 + '" y1="18" x2="' + (x0 + w) + '" y2="18" stroke="#9aa5b1"/>';
            for (var y = new Date(a).getUTCFullYear() + 1; Date.UTC(y, 0, 1) <= b; y++) {
              var yx = x(Date.UTC(y, 0, 1));
              out += '<line x1="' + yx + '" y1="10" x2="' + yx + '" y2="26" stroke="#c7d0da"/><text x="' + yx + '" y="8" font-size="10" text-anchor="middle" fill="#5a6673">' + y + '</text>';
            }
            out += '<text x="' + x0 + '" y="46" font-size="11" fill="#5a6673">' + ds[0].d + '</text>';
            if (b > a) out += '<text x="' + x(b).toFixed(1) + '" y="46" font-size="11" text-anchor="end" fill="#5a6673">' + ds[ds.length - 1].d + '</text>';
            ds.forEach(function (d, i) {
              var last = d.ev[d.ev.length - 1], colour = last ? (O[last] || [0, '#888'])[1] : '#9aa5b1';
              out += '<circle cx="' + x(t[i]).toFixed(1) + '" cy="18" r="6" fill="' + colour + '" stroke="#fff"><title>' +
                esc(d.d + ': ' + d.t + (d.ev.length ? ' (' + d.ev.map(function (e) { return (O[e] || [e])[0]; }).join(', ') + ')' : '')) + '</title></circle>';
            });
            return out + '</svg>';
          }
          function caseHTML(c) {
            var st = O[c.st];
            return '<article class="case"><h3>' + esc(c.k) + ' · ' + esc(c.s) + (st ? '<span class="state" style="background:' + st[1] + '">' + esc(st[0]) + '</span>' : '') + '</h3>' +
              '<p class="note">' + esc([c.first + (c.last !== c.first ? ' – ' + c.last : ''), (c.docs.length + c.more) + ' dokument' + (c.more ? ', de första ' + c.docs.length + ' visas' : '')].concat(c.n.length ? ['dnr ' + c.n.join(', ')] : [], c.a, c.c.length ? [c.c.join(', ')] : []).join(' · ')) + '</p>' +
              timeline(c) + '<ol>' + c.docs.map(function (d) { return '<li>' + esc(d.d || 'utan datum') + ' ' + esc(d.t) + ' ' + d.ev.map(outcome).join('') + '</li>'; }).join('') + '</ol>' +
              (c.docs.length > 1 ? '<details><summary>Varför dokumenten hör ihop</summary><ul class="note">' + c.docs.slice(1).map(function (d) {
                return '<li>' + esc(d.t) + ': ' + esc(d.why.join('; ')) + '</li>'; }).join('') + '</ul></details>' : '') + '</article>';
          }
          function rowHTML(r) {
            return '<tr><td>' + esc(r.t) + '<br><small>' + esc(r.id) + '</small></td><td>' + esc(r.d) + '</td><td>' + tags(r.k) + '</td><td>' + tags(r.y) +
              '</td><td>' + r.u.map(outcome).join('') + '</td><td><ul>' + r.e.map(function (e) {
                return '<li>' + e.h + ' ' + e.f.map(function (f) { return '<span class="tag ' + f[1] + '">' + esc(f[0]) + '</span>'; }).join('') + '</li>'; }).join('') + '</ul></td></tr>';
          }
          function draw() {
            var cs = D.cases.filter(function (c) { return (!place || c.k === place) && (!onlyOpen || c.st !== 'avslutat') && (!query || c.q.indexOf(query) >= 0); });
            var rs = D.docs.filter(function (r) { return (!place || r.k.indexOf(place) >= 0) && (!query || r.q.indexOf(query) >= 0); });
            casePage = Math.min(casePage, Math.max(0, Math.ceil(cs.length / CASES) - 1));
            docPage = Math.min(docPage, Math.max(0, Math.ceil(rs.length / DOCS) - 1));
            document.getElementById('cases').innerHTML = cs.length ? cs.slice(casePage * CASES, casePage * CASES + CASES).map(caseHTML).join('') : '<p class="note">Inga ärenden.</p>';
            document.querySelector('#documents tbody').innerHTML = rs.slice(docPage * DOCS, docPage * DOCS + DOCS).map(rowHTML).join('');
            pager(document.getElementById('casepager'), cs.length, casePage, CASES, function (p) { casePage = p; draw(); });
            pager(document.getElementById('docpager'), rs.length, docPage, DOCS, function (p) { docPage = p; draw(); });
            document.getElementById('place').innerHTML = place ? 'Kommun: <b>' + esc(place) + '</b><button type="button">Visa alla</button>' : '';
            if (place) document.querySelector('#place button').onclick = function () { choose(''); };
            document.querySelectorAll('.map path').forEach(function (p) { p.classList.toggle('on', p.getAttribute('data-k') === place); });
          }
          function choose(k) { place = k; casePage = docPage = 0; draw(); }
          document.querySelectorAll('.map path').forEach(function (p) { p.addEventListener('click', function () { choose(p.getAttribute('data-k')); }); });
          document.getElementById('search').addEventListener('input', function (e) { query = e.target.value.toLowerCase(); casePage = docPage = 0; draw(); });
          document.getElementById('open').addEventListener('change', function (e) { onlyOpen = e.target.checked; casePage = 0; draw(); });
          draw();
          if (location.hash === '#selftest') {
            var opened = performance.now(), t0 = performance.now();
            query = 'orosanmälan'; draw();
            var searched = performance.now() - t0, found = document.querySelectorAll('#documents tbody tr').length;
            query = ''; draw();
            var shape = D.cases.length ? document.querySelector('.map path[data-k="' + D.cases[0].k + '"]') : null, clicked = 0;
            if (shape) { shape.dispatchEvent(new MouseEvent('click')); clicked = document.querySelectorAll('#cases .case').length; choose(''); }
            var out = document.getElementById('selftest');
            out.textContent = 'opened_ms=' + opened.toFixed(0) + ' search_ms=' + searched.toFixed(1) + ' rows=' + found + ' documents=' + D.docs.length +
              ' cases=' + D.cases.length + ' map_click_cases=' + clicked;
          }
        })();
        """
}
