#include "control/status_page.h"

#include <cstdio>

#include "base/time_value.h"

namespace vitrine::control {

namespace {

// Scene ids, titles and problems come from files and other machines: never markup.
std::string html(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string printf1(const char* format, double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, format, value);
    return buffer;
}

std::string duration(std::int64_t micros) {
    const std::int64_t s = micros / 1'000'000;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%lldd %02lldh %02lldm %02llds", static_cast<long long>(s / 86400),
                  static_cast<long long>(s / 3600 % 24), static_cast<long long>(s / 60 % 60),
                  static_cast<long long>(s % 60));
    return buffer;
}

// One row of the facts table; `id` is what the script fills in on refresh.
std::string row(const char* label, const char* id, const std::string& value) {
    return std::string("<tr><th>") + label + "</th><td id=\"" + id + "\">" + html(value) + "</td></tr>\n";
}

std::string listItems(const std::vector<std::string>& items, const char* none) {
    if (items.empty()) return std::string("<li class=\"none\">") + none + "</li>";
    std::string out;
    for (const auto& item : items) out += "<li>" + html(item) + "</li>";
    return out;
}

std::string projectorLine(const power::DeviceStatus& d) {
    std::string line = d.output + ": " + power::powerStateName(d.state);
    if (d.lampHours >= 0) line += ", lamp " + std::to_string(d.lampHours) + " h";
    if (!d.errors.empty()) line += ", " + d.errors;
    if (!d.problem.empty()) line += ", " + d.problem;
    return line;
}

constexpr const char* kStyle = R"(
body{font:16px/1.4 system-ui,sans-serif;margin:0;padding:12px;background:#111;color:#eee;max-width:960px}
h1{font-size:1.3em;margin:0 0 8px}
.room{display:inline-block;padding:2px 10px;border-radius:12px;font-weight:bold}
.open{background:#1b5e20}.closed{background:#37474f}.faulty{background:#b71c1c}
img{width:100%;max-width:480px;height:auto;background:#000;display:block;margin:8px 0;border:1px solid #444}
.grid{display:flex;flex-wrap:wrap;gap:16px}.grid>section{flex:1 1 300px;min-width:0}
table{border-collapse:collapse;width:100%}th{text-align:left;font-weight:normal;color:#aaa;padding:2px 8px 2px 0}
td{font-variant-numeric:tabular-nums}ul{padding-left:20px;margin:4px 0}.none{color:#8a8}
pre{white-space:pre-wrap;word-break:break-all;font-size:12px;background:#000;padding:6px;max-height:240px;overflow:auto}
.controls button,.controls input{font-size:16px;padding:10px 12px;margin:3px 2px;border-radius:6px;border:1px solid #666;background:#263238;color:#eee}
.controls input{background:#000;width:10em}#result{min-height:1.4em}
h2{font-size:1.05em;margin:12px 0 4px;color:#ccc}
)";

constexpr const char* kScript = R"(
const $=id=>document.getElementById(id);
function fmt(s){s=Math.max(0,s);const m=Math.floor(s/60),r=(s%60).toFixed(3).padStart(6,'0');return m+':'+r;}
function ago(s){s=Math.floor(s);const d=Math.floor(s/86400),h=Math.floor(s/3600)%24,m=Math.floor(s/60)%60;
 return d+'d '+String(h).padStart(2,'0')+'h '+String(m).padStart(2,'0')+'m '+String(s%60).padStart(2,'0')+'s';}
function list(el,items,none){el.replaceChildren();if(!items.length){const li=document.createElement('li');
 li.className='none';li.textContent=none;el.append(li);}for(const t of items){const li=document.createElement('li');li.textContent=t;el.append(li);}}
async function refresh(){
 try{const r=await fetch('/status',{cache:'no-store'});if(!r.ok)return;const s=await r.json();
  $('room').textContent=s.room;$('room').className='room '+s.room.split(' ')[0];
  $('scene').textContent=s.scene||'-';$('time').textContent=fmt(s.time)+' / '+fmt(s.duration);
  $('state').textContent=s.state;$('next').textContent=s.nextOpening||'-';
  $('frames').textContent=s.frame+' drawn, '+s.lateFrames+' late, '+s.droppedFrames+' dropped';
  $('p95').textContent=(s.frameTimeP95*1000).toFixed(1)+' ms ('+s.fps.toFixed(1)+' fps)';
  $('drift').textContent=(s.drift*1000).toFixed(1)+' ms';$('uptime').textContent=ago(s.uptime);
  $('memory').textContent=(s.residentBytes/1048576).toFixed(1)+' MiB';
  list($('problems'),s.problems,'none');
  list($('projectors'),s.power.map(p=>p.output+': '+p.state+(p.lampHours>=0?', lamp '+p.lampHours+' h':'')+(p.errors?', '+p.errors:'')+(p.problem?', '+p.problem:'')),'none reported');
  $('proof').textContent=s.proofOfPlay.join('\n');
  $('screen').src='/screen.png?'+Date.now();
 }catch(e){}
}
async function send(path){
 const token=$('token').value,headers=token?{'Authorization':'Bearer '+token}:{};
 try{const r=await fetch(path,{method:'POST',headers});const b=await r.json().catch(()=>({}));
  $('result').textContent=r.ok?(b.command||'ok')+': sent':'refused ('+r.status+'): '+(b.error||'');}
 catch(e){$('result').textContent='no answer: '+e;}
 refresh();
}
for(const b of document.querySelectorAll('[data-command]'))b.onclick=()=>send('/'+b.dataset.command);
$('jump').onclick=()=>send('/scene/'+encodeURIComponent($('sceneid').value));
$('controls').hidden=false;
setInterval(refresh,)";

}  // namespace

std::string statusPageHtml(const PlayerStatus& s) {
    const std::string room = roomState(s);
    std::string proof;
    for (const auto& line : s.proofOfPlay) proof += (proof.empty() ? "" : "\n") + line;
    std::vector<std::string> projectors;
    for (const auto& d : s.power) projectors.push_back(projectorLine(d));
    std::string page =
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>Vitrine: " + html(s.exhibit) + "</title>\n"
        // With JavaScript off the page reloads itself, less often, rather than go stale.
        "<noscript><meta http-equiv=\"refresh\" content=\"10\"></noscript>\n"
        "<style>" + kStyle + "</style></head><body>\n"
        "<h1>" + html(s.exhibit.empty() ? "Vitrine" : s.exhibit) + " <span id=\"room\" class=\"room " +
        room.substr(0, room.find(' ')) + "\">" + html(room) + "</span></h1>\n"
        "<div class=\"grid\"><section>\n"
        "<img id=\"screen\" src=\"/screen.png\" alt=\"what is on screen now\" width=\"480\" height=\"270\">\n"
        "<table>\n" +
        row("Scene", "scene", s.scene.empty() ? "-" : s.scene) +
        row("Time", "time", formatClock(s.time) + " / " + formatClock(s.duration)) +
        row("State", "state", s.state) +
        row("Next opening", "next", s.nextOpening.empty() ? "-" : s.nextOpening) +
        row("Frames", "frames", std::to_string(s.frame) + " drawn, " + std::to_string(s.lateFrames) + " late, " +
                                    std::to_string(s.droppedFrames) + " dropped") +
        row("Frame time p95", "p95", printf1("%.1f ms", s.frameTime.p95 / 1000.0) + printf1(" (%.1f fps)", s.fps)) +
        row("Drift", "drift", printf1("%.1f ms", s.drift / 1000.0)) +
        row("Uptime", "uptime", duration(s.uptime)) +
        row("Memory", "memory", printf1("%.1f MiB", s.residentBytes / 1048576.0)) +
        "</table>\n</section><section>\n"
        "<h2>Problems</h2><ul id=\"problems\">" + listItems(s.problems, "none") + "</ul>\n"
        "<h2>Projectors</h2><ul id=\"projectors\">" + listItems(projectors, "none reported") + "</ul>\n"
        "<div id=\"controls\" class=\"controls\" hidden><h2>Control</h2>\n"
        "<input id=\"token\" type=\"password\" placeholder=\"token\" autocomplete=\"current-password\" aria-label=\"token\"><br>\n"
        "<button data-command=\"play\">Play</button><button data-command=\"pause\">Pause</button>"
        "<button data-command=\"previous\">Previous</button><button data-command=\"next\">Next</button>"
        "<button data-command=\"black\">Black</button><button data-command=\"reload\">Reload</button><br>\n"
        "<input id=\"sceneid\" placeholder=\"scene id\" aria-label=\"scene id\"><button id=\"jump\">Jump</button>\n"
        "<div id=\"result\" role=\"status\"></div></div>\n"
        "<noscript><p>The control buttons need JavaScript.</p></noscript>\n"
        "<h2>Proof of play</h2><pre id=\"proof\">" + html(proof) + "</pre>\n"
        "</section></div>\n<script>" + kScript + std::to_string(kStatusPageRefreshSeconds * 1000) +
        ");\n</script>\n</body></html>\n";
    return page;
}

}  // namespace vitrine::control
