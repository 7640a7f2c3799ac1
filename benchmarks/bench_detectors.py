"""Throughput of the full detector pipeline against spaCy's tokenizer plus sentencizer alone, in one run.

Both sides process the same texts: the development articles of ``medialit.detect.evaluate.DEV``
(the held-out ones are not touched). The baseline is ``spacy.blank("en")`` with spaCy's rule-based
``sentencizer`` over each article's text; the pipeline is ``medialit.detect.pipeline`` (sentence
records, quotations, mentions, attribution, speakers, headings, cues, claims), started from the same
text. Each side runs ``REPEATS`` times after a warm-up, the two interleaved; the median time gives
sentences per second.
Writes ``benchmarks/results/detector_speed.json`` with both throughputs and their ratio.
"""

from __future__ import annotations

import json
import platform
import statistics
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results" / "detector_speed.json"
REPEATS = 7


def _time(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> dict:
    """Run the benchmark, print a summary and write the JSON result."""
    import spacy

    from medialit.articles.load import load_article
    from medialit.detect.evaluate import DEV
    from medialit.detect.pipeline import make_nlp
    from medialit.detect.sentences import doc_from_article

    articles = []
    for article_id in DEV:
        try:
            articles.append(load_article(article_id))
        except Exception:  # an article still being written: benchmark the others
            continue
    texts = [a.text for a in articles]
    n_sentences = sum(len(a.sentences) for a in articles)

    base = spacy.blank("en")
    base.add_pipe("sentencizer")
    nlp = make_nlp()

    def baseline():
        for doc in base.pipe(texts):
            list(doc.sents)

    def pipeline():
        for article in articles:
            nlp(doc_from_article(nlp, article))

    baseline()
    pipeline()  # warm-up: lexicons and matchers are built on first use
    base_times, pipe_times = [], []
    for _ in range(REPEATS):  # interleaved, so that a busy machine slows both sides alike
        base_times.append(_time(baseline))
        pipe_times.append(_time(pipeline))
    base_rate = n_sentences / statistics.median(base_times)
    pipe_rate = n_sentences / statistics.median(pipe_times)
    result = {
        "articles": len(articles),
        "sentences": n_sentences,
        "repeats": REPEATS,
        "baseline": "spacy.blank('en') + sentencizer",
        "baseline_sentences_per_second": round(base_rate, 1),
        "pipeline_sentences_per_second": round(pipe_rate, 1),
        "slowdown": round(base_rate / pipe_rate, 2),
        "pipeline_share_of_baseline_speed": round(pipe_rate / base_rate, 4),
        "median_seconds": {"baseline": round(statistics.median(base_times), 4),
                           "pipeline": round(statistics.median(pipe_times), 4)},
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "machine": platform.machine(),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"detectors: {pipe_rate:,.0f} sentences/s; tokenizer+sentencizer: {base_rate:,.0f} sentences/s; "
          f"the pipeline is {result['slowdown']}x slower. Wrote {RESULTS}.")
    return result


if __name__ == "__main__":
    main()
