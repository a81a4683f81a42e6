namespace QaBot.Host.Web;

/// <summary>A small self-contained page for trying QaBot in a browser (no external scripts or styles).</summary>
internal static class ChatPage
{
    public const string Html = """
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>QaBot: stem cell therapy for autoimmune conditions</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1d2430; }
  h1 { font-size: 1.3rem; }
  #log { display: flex; flex-direction: column; gap: .8rem; margin: 1rem 0; }
  .q { align-self: flex-end; background: #e3eefc; padding: .5rem .8rem; border-radius: .8rem; max-width: 80%; }
  .a { background: #f4f5f7; padding: .7rem .9rem; border-radius: .8rem; }
  .a.safety { background: #fdecea; border-left: 4px solid #c62828; }
  .a.no_answer { background: #fff8e1; }
  .text { white-space: pre-wrap; }
  ol { padding-left: 1.2rem; margin: .5rem 0; }
  li { margin: .35rem 0; font-size: .92rem; }
  .quote { color: #444; }
  .reminder { font-size: .85rem; color: #555; border-top: 1px solid #ddd; margin-top: .5rem; padding-top: .4rem; }
  form { display: flex; gap: .5rem; }
  input { flex: 1; padding: .6rem; font-size: 1rem; }
  button { padding: .6rem 1rem; font-size: 1rem; }
</style>
</head>
<body>
<h1>QaBot &middot; stem cell therapy for autoimmune conditions</h1>
<p>Ask a general question about stem cell therapy for rheumatoid arthritis, lupus or multiple sclerosis.
Answers come only from our reviewed knowledge files, with numbered sources.</p>
<div id="log" aria-live="polite"></div>
<form id="ask">
  <input id="question" autocomplete="off" maxlength="4000" placeholder="e.g. Can stem cell therapy help lupus?" aria-label="Your question">
  <button type="submit">Ask</button>
</form>
<script>
const log = document.getElementById('log');
const escapeHtml = s => (s ?? '').replace(/[&<>"']/g, c => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;',"'":'&#39;'}[c]));
const bold = s => escapeHtml(s).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>').replace(/\\\*/g, '*');
function add(cls, html) { const d = document.createElement('div'); d.className = cls; d.innerHTML = html; log.appendChild(d); d.scrollIntoView(); return d; }
document.getElementById('ask').addEventListener('submit', async e => {
  e.preventDefault();
  const input = document.getElementById('question');
  const q = input.value; if (!q.trim()) return;
  input.value = '';
  add('q', escapeHtml(q));
  const pending = add('a', '…');
  try {
    const r = await fetch('/api/ask', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question: q }) });
    const a = await r.json();
    if (!r.ok) {
      pending.innerHTML = '<div class="text">' + escapeHtml(a.error || 'Something went wrong.') + '</div>'
        + (a.reminder ? '<div class="reminder">' + escapeHtml(a.reminder) + '</div>' : '');
      return;
    }
    pending.className = 'a ' + a.kind;
    let html = '<div class="text">' + escapeHtml(a.text) + '</div>';
    if (a.citations.length) {
      html += '<ol>' + a.citations.map(c => {
        const name = escapeHtml(c.title) + (c.section ? ' &middot; ' + escapeHtml(c.section) : '');
        const link = c.url && /^https?:/.test(c.url) ? '<a href="' + escapeHtml(c.url) + '" target="_blank" rel="noopener">' + name + '</a>' : name;
        return '<li value="' + c.n + '">' + link + '<div class="quote">' + bold(c.quote) + '</div></li>';
      }).join('') + '</ol>';
    }
    html += '<div class="reminder">' + escapeHtml(a.reminder) + '</div>';
    pending.innerHTML = html;
  } catch (err) { pending.innerHTML = 'Could not reach QaBot.'; }
});
</script>
</body>
</html>
""";
}
