// Shared: the widget's alert message, spoken status, save status, Check button, score and feedback list.
import { h, keyOf } from "./article.js";

/** @typedef {{article: string, sid: string, outcome: string, badge: string, message: string}} FeedbackRow */

/**
 * Build the panel under the article(s) and keep it in step with the model.
 * @param {any} model
 * @param {HTMLElement} root
 * @param {(row: FeedbackRow) => void} onPick called when a feedback entry's sentence id is activated
 * @returns {{say: (text: string) => void, update: () => void}}
 */
export function renderPanel(model, root, onPick) {
  const alert = h("div", { class: "ml-message", role: "alert" });
  const live = h("p", { class: "ml-live", role: "status", "aria-live": "polite" });
  const saved = h("p", { class: "ml-saved" });
  const bar = h("div", { class: "ml-toolbar" });
  const summary = h("p", { class: "ml-summary", role: "status", "aria-live": "polite" });
  const list = h("ul", { class: "ml-feedback", "aria-label": "Feedback from the key" });
  if (model.get("mode") === "practice") {
    bar.append(h("button", {
      type: "button", class: "ml-check", text: "Check my answers",
      onclick: () => { summary.textContent = "Checking\u2026"; model.send({ action: "check" }); },
    }));
  }
  bar.append(live, saved);
  root.append(alert, bar, summary, list);

  const update = () => {
    const message = model.get("message");
    alert.textContent = message ? `\u26a0 ${message}` : "";
    alert.hidden = !message;
    saved.textContent = model.get("status");
    const stale = model.get("feedback_stale") && model.get("summary");
    summary.textContent = model.get("summary") + (stale ? " (Your answers changed since this check: press Check again.)" : "");
    list.replaceChildren(...model.get("feedback").map((row) => h("li", { class: `ml-o-${row.outcome}` }, [
      h("button", { type: "button", class: "ml-fb-sid", text: row.sid, title: "Show this sentence", onclick: () => onPick(row) }),
      h("span", { class: "ml-fb-badge", text: ` ${row.badge} ` }),
      h("span", { class: "ml-fb-text", text: row.message }),
    ])));
    list.hidden = model.get("feedback").length === 0;
  };
  for (const name of ["message", "status", "summary", "feedback", "feedback_stale"]) model.on(`change:${name}`, update);
  update();
  return { say: (text) => { live.textContent = text; }, update };
}

/** The feedback list's callback: focus and select the sentence of a clicked feedback row. */
export const focusRow = (options, choose) => (row) => {
  const option = options.get(keyOf(row.article, row.sid));
  if (option) { option.focus(); choose({ article: row.article, sid: row.sid }); }
};

/** A "Hint" button (practice mode only) that shows the selected sentence's hint in *note*. */
export function hintButton(model, selected, note) {
  const button = h("button", { type: "button", class: "ml-hint", text: "Hint", "aria-label": "Show a hint for the selected sentence" });
  button.hidden = model.get("mode") !== "practice";
  button.addEventListener("click", () => {
    const ref = selected();
    if (ref) note.textContent = `Hint: ${model.get("hints")[keyOf(ref.article, ref.sid)] || "read the sentence once more."}`;
  });
  return button;
}

/** The frame of a tagging widget: the article(s) beside the editor of the selected sentence. */
export function taggingFrame(el, name) {
  el.classList.add("medialit", name);
  el.setAttribute("data-lm-suppress-shortcuts", "true");  // keys stay in the widget, not notebook shortcuts
  const articles = h("div", { class: "ml-articles" });
  const editor = h("section", { class: "ml-editor", "aria-label": "Tag the selected sentence" });
  el.replaceChildren(h("div", { class: "ml-body" }, [articles, editor]));
  return { articles, editor };
}
