"""Turn two public entity corpora into the gold JSONL that ../shared/eval/score_entities.py reads.

    python benchmarks/heldout_corpora.py conll eng.testa > conll-testa.jsonl
    python benchmarks/heldout_corpora.py geowebnews GeoWebNews/ > gwn.jsonl
    python ../shared/eval/score_entities.py --corpus conll-testa.jsonl --python entities_adapter:ours

(run the last with PYTHONPATH=.:benchmarks). Neither corpus is in this repository or fetched by
it: get them where their authors publish them.

* CoNLL-2003 English (Tjong Kim Sang & De Meulder 2003; Reuters wire copy of 1996 with results
  tables, squad lists and one-word surnames): one document per -DOCSTART-, one line per
  sentence, tokens joined with the spaces English puts between them; PER, ORG and LOC names
  become "persons", "orgs" and "locations" (MISC is not scored). Use eng.testa to develop and
  keep eng.testb to check: the held-out wire copy of issue 12 scores as eng.testb does.
* GeoWebNews (Gritta et al. 2019, brat .txt/.ann pairs): every annotated toponym becomes a
  toponym with its type and, where the annotator gave one, its GeoNames id; expressions
  ("the city") and non-toponyms are left out, and score_entities.py counts demonyms,
  languages, homonyms, embedded names and coercions as neutral.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

# CoNLL tokens written without a space before them.
_NO_SPACE_BEFORE = re.compile(r"[.,:;!?)%]|'s|n't|'re|'ve|'ll|'d|'m")
_CONLL_KINDS = {"PER": "persons", "ORG": "orgs", "LOC": "locations"}
# GeoWebNews annotations that are not toponyms (the paper's "expressions" and non-toponyms).
_NOT_TOPONYMS = {"Literal_Expression", "Non_Lit_Expression", "Non_Toponym", "Non_Locational", "Modifier_Type"}


def detokenize(tokens: list[str]) -> str:
    """CoNLL tokens as running English text: "Bitar 's goal ." -> "Bitar's goal."."""
    text = ""
    for token in tokens:
        if text and not _NO_SPACE_BEFORE.fullmatch(token) and not text.endswith(("(", "$")):
            text += " "
        text += token
    return text


def conll_documents(path: Path) -> list[list[list[tuple[str, str]]]]:
    """The documents of a CoNLL-2003 file: lists of sentences of (token, NER tag)."""
    documents, document, sentence = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-") or not line.strip():
            if sentence:
                document.append(sentence)
                sentence = []
            if line.startswith("-DOCSTART-") and document:
                documents.append(document)
                document = []
            continue
        token, *_, tag = line.split(" ")
        sentence.append((token, tag))
    if sentence:
        document.append(sentence)
    return [*documents, document] if document else documents


def conll_gold(document: list[list[tuple[str, str]]], doc_id: str) -> dict:
    """One document as {"id", "text", "persons", "orgs", "locations"} (sets of names)."""
    names: dict[str, set[str]] = {kind: set() for kind in _CONLL_KINDS.values()}
    for sentence in document:
        run, kind = [], None
        for token, tag in [*sentence, ("", "O")]:
            tag_kind = tag[2:] if tag != "O" else None
            if run and (tag_kind != kind or tag.startswith("B-")):
                if kind in _CONLL_KINDS:
                    names[_CONLL_KINDS[kind]].add(detokenize(run))
                run, kind = [], None
            if tag_kind:
                run.append(token)
                kind = tag_kind
    text = "\n".join(detokenize([t for t, _ in sentence]) for sentence in document)
    return {"id": doc_id, "text": text, **{k: sorted(v) for k, v in names.items()}}


def geowebnews_gold(txt: Path) -> dict:
    """One GeoWebNews article (its .txt and the .ann beside it) as {"id", "text", "toponyms"}."""
    text = txt.read_text(encoding="utf-8")
    spans, notes = {}, {}
    for line in txt.with_suffix(".ann").read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) < 3:
            continue
        if line.startswith("T") and ";" not in fields[1]:  # a discontinuous span is no toponym
            kind, start, end = fields[1].split(" ")
            spans[fields[0]] = (kind, int(start), int(end), fields[2])
        elif line.startswith("#"):
            notes[fields[1].split(" ")[1]] = fields[2].strip()
    toponyms = [{"start": start, "end": end, "name": name, "type": kind,
                 "geonameid": int(notes[key]) if notes.get(key, "").isdigit() else None}
                for key, (kind, start, end, name) in spans.items()
                if kind not in _NOT_TOPONYMS and text[start:end] == name]
    return {"id": f"gwn-{txt.stem}", "title": "", "text": text, "toponyms": toponyms}


def main() -> None:
    if len(sys.argv) != 3 or sys.argv[1] not in ("conll", "geowebnews"):
        raise SystemExit(__doc__)
    source = Path(sys.argv[2])
    if sys.argv[1] == "conll":
        records = [conll_gold(d, f"{source.name}-{n}") for n, d in enumerate(conll_documents(source))]
    else:
        texts = sorted(source.glob("*.txt"), key=lambda p: (len(p.stem), p.stem))
        records = [geowebnews_gold(t) for t in texts]
    for record in records:
        print(json.dumps(record, ensure_ascii=False))


if __name__ == "__main__":
    main()
