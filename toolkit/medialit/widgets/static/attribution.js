// SpotAttribution: mark who says a sentence (a source from the list, typed, or "no source given"),
// or that it states a claim with no source at all ("unattributed").
import { h, renderArticles, tagStore, paintSelection } from "./article.js";
import { renderPanel, focusRow, hintButton, taggingFrame } from "./panel.js";

const NONE = "__none__";

/** The text badge of a tag; colour is never the only signal. */
const badgeOf = (tag) => (tag.label === "unattributed" ? "[No source: stated as fact]"
  : `[A: ${tag.source || "no source given"}]`);

function render({ model, el }) {
  const { articles, editor } = taggingFrame(el, "ml-attribution");
  /** @type {{article: string, sid: string} | null} */
  let active = null;

  const store = tagStore(model, (note) => panel.say(note));
  const setTag = (fields) => {
    if (!active) return;
    const tag = { ...active, text: "", source: null, reason: null, ...fields };
    store.put(active, tag, `${active.sid} tagged ${badgeOf(tag)}.`);
  };
  const clear = store.clear;
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
  const hint = hintButton(model, () => active, note);
  editor.append(current, fieldset, h("p", { class: "ml-or", text: "or" }), noSource, remove, hint, note);

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
    const tag = paintSelection({ model, options, active, badgeOf, current, note });
    for (const control of [select, typed, useTyped, noSource, remove, hint]) control.disabled = !active;
    remove.disabled = !tag;
    if (!active) return;
    const attributed = tag && tag.label === "attribution";
    const listed = attributed && (tag.source === null || model.get("sources").includes(tag.source));
    select.value = attributed ? (tag.source === null ? NONE : listed ? tag.source : "") : "";
    typed.value = attributed && !listed ? tag.source : "";
    noSource.setAttribute("aria-pressed", String(Boolean(tag && tag.label === "unattributed")));
  }

  const panel = renderPanel(model, el, focusRow(options, choose));
  fillSources();
  model.on("change:sources", () => { fillSources(); paint(); });
  model.on("change:tags", paint);
  model.on("change:feedback", paint);
  paint();
}

export default { render };
