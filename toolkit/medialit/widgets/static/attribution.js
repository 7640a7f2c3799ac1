// SpotAttribution: mark who says a sentence (a source from the list, typed, or "no source given"),
// or that it states a claim with no source at all ("unattributed").
import { h, keyOf, short, renderArticles, paintBadges } from "./article.js";
import { renderPanel } from "./panel.js";

const NONE = "__none__";

/** The text badge of a tag; colour is never the only signal. */
const badgeOf = (tag) => (tag.label === "unattributed" ? "[No source: stated as fact]"
  : `[A: ${tag.source || "no source given"}]`);

function render({ model, el }) {
  el.classList.add("medialit", "ml-attribution");
  el.setAttribute("data-lm-suppress-shortcuts", "true");  // keys stay in the widget, not notebook shortcuts
  const articles = h("div", { class: "ml-articles" });
  const editor = h("section", { class: "ml-editor", "aria-label": "Tag the selected sentence" });
  el.replaceChildren(h("div", { class: "ml-body" }, [articles, editor]));
  /** @type {{article: string, sid: string} | null} */
  let active = null;

  const tags = () => new Map(model.get("tags").map((t) => [keyOf(t.article, t.sid), t]));
  const commit = (list, note) => { model.set("tags", list); model.save_changes(); panel.say(note); };
  const others = (ref) => model.get("tags").filter((t) => keyOf(t.article, t.sid) !== keyOf(ref.article, ref.sid));
  const setTag = (fields) => {
    if (!active) return;
    const tag = { ...active, text: "", source: null, reason: null, ...fields };
    commit([...others(active), tag], `${active.sid} tagged ${badgeOf(tag)}.`);
  };
  const clear = (ref) => commit(others(ref), `${ref.sid}: tag removed.`);
  const choose = (ref) => { active = ref; paint(); };
  const options = renderArticles(articles, model.get("articles"), { onChoose: choose, onClear: clear });

  const current = h("p", { class: "ml-current", "aria-live": "polite" });
  const select = h("select", { class: "ml-source", "aria-label": "Who says it" });
  const typed = h("input", { type: "text", class: "ml-typed", "aria-label": "Or type the source as the article names it",
    placeholder: "or type a name from the article" });
  const useTyped = h("button", { type: "button", class: "ml-use-typed", text: "Use typed name" });
  const noSource = h("button", { type: "button", class: "ml-unattributed", text: "No source: claim stated as fact" });
  const remove = h("button", { type: "button", class: "ml-remove", text: "Remove tag" });
  const note = h("p", { class: "ml-note" });
  const fieldset = h("fieldset", { class: "ml-who" }, [
    h("legend", { text: "Attributed: who says it?" }), select, typed, useTyped]);
  editor.append(current, fieldset, h("p", { class: "ml-or", text: "or" }), noSource, remove, note);

  const fillSources = () => {
    select.replaceChildren(h("option", { value: "", text: "\u2014 pick who says it \u2014" }),
      ...model.get("sources").map((name) => h("option", { value: name, text: name })),
      h("option", { value: NONE, text: "no source given" }));
  };
  select.addEventListener("change", () => {
    if (select.value) setTag({ label: "attribution", source: select.value === NONE ? null : select.value });
  });
  const applyTyped = () => { if (typed.value.trim()) setTag({ label: "attribution", source: typed.value.trim() }); };
  useTyped.addEventListener("click", applyTyped);
  typed.addEventListener("keydown", (ev) => { if (ev.key === "Enter") { ev.preventDefault(); applyTyped(); } });
  noSource.addEventListener("click", () => setTag({ label: "unattributed" }));
  remove.addEventListener("click", () => active && clear(active));

  function paint() {
    const map = tags();
    const feedback = new Map(model.get("feedback").map((f) => [keyOf(f.article, f.sid), f]));
    paintBadges(options, (key) => (map.has(key) ? badgeOf(map.get(key)) : ""), feedback);
    const activeKey = active && keyOf(active.article, active.sid);
    for (const [key, option] of options) option.setAttribute("aria-selected", String(key === activeKey));
    const tag = active ? map.get(activeKey) : undefined;
    for (const control of [select, typed, useTyped, noSource, remove]) control.disabled = !active;
    remove.disabled = !tag;
    if (!active) {
      current.textContent = "Select a sentence: click it, or move with the arrow keys and press Enter.";
      return;
    }
    const text = options.get(activeKey).querySelector(".ml-text").textContent;
    current.textContent = `Selected ${active.sid}: \u201c${short(text)}\u201d \u2014 ${tag ? badgeOf(tag) : "not tagged yet"}`;
    const attributed = tag && tag.label === "attribution";
    const listed = attributed && (tag.source === null || model.get("sources").includes(tag.source));
    select.value = attributed ? (tag.source === null ? NONE : listed ? tag.source : "") : "";
    typed.value = attributed && !listed ? tag.source : "";
    noSource.setAttribute("aria-pressed", String(Boolean(tag && tag.label === "unattributed")));
    const fb = feedback.get(activeKey);
    note.textContent = fb ? `${fb.badge}: ${fb.message}` : "";
  }

  const panel = renderPanel(model, el, (row) => {
    const option = options.get(keyOf(row.article, row.sid));
    if (option) { option.focus(); choose({ article: row.article, sid: row.sid }); }
  });
  fillSources();
  model.on("change:sources", () => { fillSources(); paint(); });
  model.on("change:tags", paint);
  model.on("change:feedback", paint);
  paint();
}

export default { render };
