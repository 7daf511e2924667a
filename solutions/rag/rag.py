"""Retrieval-Augmented Generation from scratch in numpy: the reference. Brief: exercises/rag/README.md

The pipeline: chunk documents -> index them lexically (BM25, TF-IDF) and as vectors (brute force,
IVF) -> retrieve, fuse (RRF) and diversify (MMR) -> measure (recall@k, MRR, nDCG) -> pack the
best chunks into a prompt that fits the model's budget, each one citable as [n].

Conventions used everywhere:
  * tokens = TOKEN_RE.findall(text.lower())  (lowercase, runs of ASCII letters/digits);
  * cosine similarity with a zero vector is 0 (never NaN);
  * ties in a ranking go to the lower index (or the smaller id, or the first appearance: see each kata).

Each kata stands on its own (nothing calls another kata's function, except hybrid_search which
calls reciprocal_rank_fusion of its own kata), so each can be graded on its own.
"""
import math
import re
from collections import Counter

import numpy as np

TOKEN_RE = re.compile(r"[a-z0-9]+")

PROMPT_TEMPLATE = (
    "Answer the question using only the numbered context passages below. "
    "Cite the passages you use like [1].\n"
    "\n"
    "Context:\n"
    "{context}\n"
    "\n"
    "Question: {question}\n"
    "Answer:"
)


def _unit_rows(X):
    """Rows scaled to unit length; zero rows stay zero (so their cosine with anything is 0)."""
    X = np.asarray(X, dtype=float)
    norms = np.linalg.norm(X, axis=-1, keepdims=True)
    return X / np.where(norms == 0, 1.0, norms)


# --- chunk_text --------------------------------------------------------------------------------

def chunk_text(text, size, overlap=0):
    """Fixed-size character chunks; chunk i starts at i * (size - overlap).

    The last chunk is the first one that reaches the end of the text (it may be shorter).
    >>> chunk_text("abcdefghij", 4, 1)
    ['abcd', 'defg', 'ghij']
    """
    if size <= 0 or overlap < 0 or overlap >= size:
        raise ValueError("need size > 0 and 0 <= overlap < size")
    step = size - overlap
    chunks = []
    start = 0
    while start < len(text):
        chunks.append(text[start:start + size])
        if start + size >= len(text):          # this chunk reached the end: done
            break
        start += step
    return chunks


# --- bm25 --------------------------------------------------------------------------------------

class BM25Index:
    """Okapi BM25 over a growing collection of documents.

    score(q, d) = sum over query tokens t of
        idf(t) * f(t, d) * (k1 + 1) / (f(t, d) + k1 * (1 - b + b * |d| / avgdl))
    idf(t) = log(1 + (N - n_t + 0.5) / (n_t + 0.5))     (never negative)
    """

    def __init__(self, k1=1.5, b=0.75):
        self.k1, self.b = k1, b
        self.doc_tf = []        # one Counter of term frequencies per document
        self.doc_len = []       # tokens per document
        self.df = Counter()     # documents containing each term

    def build(self, docs):
        """A fresh index over docs (anything added before is forgotten). Returns self."""
        self.doc_tf, self.doc_len, self.df = [], [], Counter()
        return self.add(docs)

    def add(self, docs):
        """Append docs; N, avgdl and the idf of every term follow. Returns self."""
        for doc in docs:
            tf = Counter(TOKEN_RE.findall(doc.lower()))
            self.doc_tf.append(tf)
            self.doc_len.append(sum(tf.values()))
            self.df.update(tf.keys())
        return self

    def score(self, query):
        """BM25 score of every document for query  ->  float array (n_docs,), insertion order."""
        N = len(self.doc_tf)
        scores = np.zeros(N)
        if N == 0 or sum(self.doc_len) == 0:
            return scores
        lengths = np.asarray(self.doc_len, dtype=float)                  # (N,)
        norm = self.k1 * (1 - self.b + self.b * lengths / lengths.mean())  # (N,) length normalisation
        for term in TOKEN_RE.findall(query.lower()):                      # repeated query terms count again
            n = self.df[term]
            if n == 0:
                continue
            idf = math.log(1 + (N - n + 0.5) / (n + 0.5))
            f = np.array([tf[term] for tf in self.doc_tf], dtype=float)    # (N,)
            scores += idf * f * (self.k1 + 1) / (f + norm)
        return scores


# --- tfidf_matrix ------------------------------------------------------------------------------

def tfidf_matrix(docs):
    """TF-IDF rows like sklearn's TfidfVectorizer(token_pattern=r"[a-z0-9]+") defaults.

    tf = raw count, idf = ln((1 + n) / (1 + df)) + 1, each row scaled to unit L2 norm.
    Returns (X (n_docs, n_terms) float array, vocabulary: sorted list of terms = columns).
    """
    counts = [Counter(TOKEN_RE.findall(doc.lower())) for doc in docs]
    vocab = sorted(set().union(*counts)) if counts else []
    column = {term: j for j, term in enumerate(vocab)}
    tf = np.zeros((len(docs), len(vocab)))                       # (n_docs, n_terms)
    for i, c in enumerate(counts):
        for term, f in c.items():
            tf[i, column[term]] = f
    df = (tf > 0).sum(axis=0)                                    # (n_terms,)
    idf = np.log((1 + len(docs)) / (1 + df)) + 1
    return _unit_rows(tf * idf), vocab


# --- cosine_top_k ------------------------------------------------------------------------------

def cosine_top_k(query, matrix, k):
    """The k rows of matrix (n, d) most cosine-similar to query (d,)  ->  (indices, scores).

    min(k, n) results, best first; ties -> lower index; a zero vector has similarity 0.
    """
    sims = _unit_rows(matrix) @ _unit_rows(query)               # (n,)
    order = np.argsort(-sims, kind="stable")[:k]                 # stable: equal scores keep index order
    return order, sims[order]


# --- vector_index ------------------------------------------------------------------------------

class VectorIndex:
    """A small vector store: flat (exact) or IVF (inverted file: search only the nearest lists).

    metric: "cosine" or "dot" (higher is better). ids: integers; adding an existing id replaces it.
    IVF (n_lists given): the first add() trains a k-means quantiser on its vectors; every vector
    goes to the list of its best-scoring centroid; search() scans the n_probe best lists only.
    """

    def __init__(self, dim, metric="cosine", n_lists=None, n_probe=1, seed=0):
        if metric not in ("cosine", "dot"):
            raise ValueError(f"unknown metric {metric!r}")
        self.dim, self.metric = dim, metric
        self.n_lists, self.n_probe, self.seed = n_lists, n_probe, seed
        self.vectors = {}          # id -> stored vector (unit length for cosine)
        self.list_of = {}          # id -> inverted list number (IVF only)
        self.centroids = None      # (n_lists, dim) after training

    def _prepare(self, X):
        X = np.asarray(X, dtype=float)
        return _unit_rows(X) if self.metric == "cosine" else X

    def _train(self, X):
        """Lloyd's k-means: n_lists seeds drawn by default_rng(seed), 25 rounds at most."""
        rng = np.random.default_rng(self.seed)
        C = X[rng.choice(len(X), self.n_lists, replace=False)].copy()    # (n_lists, dim)
        assign = None
        for _ in range(25):  # pragma: no branch (the checks' data converge well before the 25-round cap)
            new = np.argmax(X @ C.T, axis=1)                 # (m,) best-scoring centroid
            if assign is not None and np.array_equal(new, assign):
                break
            assign = new
            for j in range(self.n_lists):
                members = X[assign == j]
                if len(members):  # pragma: no branch (the brief leaves an empty list open: no check empties one)
                    C[j] = members.mean(axis=0)
            if self.metric == "cosine":
                C = _unit_rows(C)            # spherical k-means: centroids back on the sphere
        self.centroids = C

    def add(self, ids, vectors):
        """Store vectors (m, dim) under ids (m integers); an existing id is replaced (upsert)."""
        X = self._prepare(vectors).reshape(-1, self.dim)           # (m, dim)
        if self.n_lists is not None:
            if self.centroids is None:
                self._train(X)
            lists = np.argmax(X @ self.centroids.T, axis=1)         # (m,) nearest centroid
        for row, i in enumerate(ids):
            self.vectors[int(i)] = X[row]
            if self.n_lists is not None:
                self.list_of[int(i)] = int(lists[row])

    def delete(self, ids):
        """Forget these ids (unknown ids are ignored)."""
        for i in ids:
            self.vectors.pop(int(i), None)
            self.list_of.pop(int(i), None)

    def __len__(self):
        return len(self.vectors)

    def search(self, query, k):
        """-> (ids int array, scores float array), best first, ties -> smaller id."""
        q = self._prepare(np.asarray(query, dtype=float)[None])[0]    # (dim,)
        candidates = list(self.vectors)
        if self.n_lists is not None and self.centroids is not None:
            probe = set(np.argsort(-(self.centroids @ q), kind="stable")[:self.n_probe].tolist())
            candidates = [i for i in candidates if self.list_of[i] in probe]
        if not candidates:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        ids = np.array(candidates, dtype=np.int64)
        scores = np.stack([self.vectors[i] for i in candidates]) @ q     # (n_candidates,)
        order = np.lexsort((ids, -scores))[:k]                          # by score desc, then id
        return ids[order], scores[order]


# --- rank_fusion -------------------------------------------------------------------------------

def reciprocal_rank_fusion(rankings, k=60):
    """RRF: score(d) = sum over rankings of 1 / (k + rank(d)), ranks from 1.

    -> list of (id, score), best first; ties -> the id seen first (reading ranking 0 top to
    bottom, then ranking 1, ...).
    >>> reciprocal_rank_fusion([["a", "b"], ["b", "c"]], k=1)
    [('b', 0.8333333333333333), ('a', 0.5), ('c', 0.3333333333333333)]
    """
    scores = {}                                  # dicts keep first-insertion order
    for ranking in rankings:
        for rank, doc in enumerate(ranking, start=1):
            scores[doc] = scores.get(doc, 0.0) + 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda item: -item[1])   # stable sort keeps first appearance


def hybrid_search(query, query_vec, lexical, doc_vecs, k=10, rrf_k=60, n_candidates=50):
    """Fuse a lexical ranking and a vector ranking of the same documents with RRF.

    lexical: any object with .score(query) -> (n_docs,) scores (a BM25Index, say).
    Lexical ranking: documents with score > 0, best first. Vector ranking: every document by
    cosine similarity to query_vec, best first. Both: ties -> lower index, top n_candidates only.
    -> list of (doc_index, rrf_score), at most k, fused lexical-first.
    """
    lex = np.asarray(lexical.score(query), dtype=float)                     # (n_docs,)
    lex_rank = [i for i in np.argsort(-lex, kind="stable") if lex[i] > 0][:n_candidates]
    sims = _unit_rows(doc_vecs) @ _unit_rows(query_vec)                     # (n_docs,)
    vec_rank = list(np.argsort(-sims, kind="stable")[:n_candidates])
    fused = reciprocal_rank_fusion([[int(i) for i in lex_rank], [int(i) for i in vec_rank]], k=rrf_k)
    return fused[:k]


# --- mmr ---------------------------------------------------------------------------------------

def mmr(query_vec, doc_vecs, k, lambda_=0.5):
    """Maximal Marginal Relevance: pick argmax  lambda_ * sim(q, d) - (1 - lambda_) * max_s sim(d, s).

    Cosine similarities; the first pick is the most relevant document; ties -> lower index.
    -> list of min(k, n) document indices in pick order.
    """
    D = _unit_rows(doc_vecs)                                   # (n, d)
    if k <= 0 or len(D) == 0:
        return []
    relevance = D @ _unit_rows(query_vec)                      # (n,)
    pairwise = D @ D.T                                         # (n, n)
    selected = [int(np.argmax(relevance))]                     # argmax: first maximum = lower index
    while len(selected) < min(k, len(D)):
        redundancy = pairwise[:, selected].max(axis=1)         # (n,) closest already-picked doc
        value = lambda_ * relevance - (1 - lambda_) * redundancy
        value[selected] = -np.inf
        selected.append(int(np.argmax(value)))
    return selected


# --- retrieval_metrics -------------------------------------------------------------------------

def recall_at_k(retrieved, relevant, k):
    """|top-k retrieved  and  relevant| / |relevant|  (0.0 when nothing is relevant)."""
    relevant = set(relevant)
    if not relevant:
        return 0.0
    return len(set(retrieved[:k]) & relevant) / len(relevant)


def mrr(retrieved_lists, relevant_sets):
    """Mean over queries of 1 / rank of the first relevant result (ranks from 1; 0 if none)."""
    total = 0.0
    for retrieved, relevant in zip(retrieved_lists, relevant_sets):
        relevant = set(relevant)
        for rank, doc in enumerate(retrieved, start=1):
            if doc in relevant:
                total += 1.0 / rank
                break
    return total / len(retrieved_lists) if len(retrieved_lists) else 0.0


def ndcg_at_k(retrieved, relevance, k):
    """DCG@k / ideal DCG@k with gain = relevance and discount log2(rank + 1), ranks from 1.

    relevance: dict id -> graded relevance (missing ids count 0). The ideal ranking sorts ALL
    judged relevances, retrieved or not. 0.0 when no document is relevant.
    """
    gains = np.array([relevance.get(doc, 0.0) for doc in retrieved[:k]], dtype=float)
    discounts = np.log2(np.arange(2, len(gains) + 2))                # rank r -> log2(r + 1)
    dcg = float(np.sum(gains / discounts))
    ideal = np.sort(np.array(list(relevance.values()), dtype=float))[::-1][:k]
    idcg = float(np.sum(ideal / np.log2(np.arange(2, len(ideal) + 2))))
    return dcg / idcg if idcg > 0 else 0.0


# --- build_prompt ------------------------------------------------------------------------------

def build_prompt(question, chunks, max_tokens, count_tokens):
    """Pack the most relevant chunks that fit into PROMPT_TEMPLATE  ->  (prompt, sources).

    chunks are in relevance order. Each one is tried in turn and kept if the whole prompt
    (template + question + kept chunks) still has count_tokens(prompt) <= max_tokens; one that
    does not fit is skipped and later ones are still tried. Kept chunks are numbered [1], [2], ...
    in the order kept; sources[n - 1] is the index in chunks of passage [n].
    ValueError if even the prompt with no context exceeds max_tokens.
    """
    def render(kept):
        context = "\n".join(f"[{n}] {chunks[i]}" for n, i in enumerate(kept, start=1))
        return PROMPT_TEMPLATE.format(context=context, question=question)

    if count_tokens(render([])) > max_tokens:
        raise ValueError("the question alone does not fit in max_tokens")
    kept = []
    for i in range(len(chunks)):
        if count_tokens(render(kept + [i])) <= max_tokens:
            kept.append(i)
    return render(kept), kept
