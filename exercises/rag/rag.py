"""Retrieval-Augmented Generation from scratch in numpy. Brief: exercises/rag/README.md

The pipeline: chunk documents -> index them lexically (BM25, TF-IDF) and as vectors (brute force,
IVF) -> retrieve, fuse (RRF) and diversify (MMR) -> measure (recall@k, MRR, nDCG) -> pack the
best chunks into a prompt that fits the model's budget, each one citable as [n].

Conventions used everywhere:
  * tokens = TOKEN_RE.findall(text.lower())  (lowercase, runs of ASCII letters/digits);
  * cosine similarity with a zero vector is 0 (never NaN);
  * ties in a ranking go to the lower index (or the smaller id, or the first appearance: see each kata).

Fill in every body that raises NotImplementedError; keep the names and signatures. numpy, math,
re and collections are all you need. Banned in tfidf_matrix: sklearn's TfidfVectorizer and
TfidfTransformer (the checks compare with them).
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


# --- chunk_text --------------------------------------------------------------------------------

def chunk_text(text, size, overlap=0):
    """Fixed-size character chunks; chunk i starts at i * (size - overlap).

    The last chunk is the first one that reaches the end of the text (it may be shorter).
    >>> chunk_text("abcdefghij", 4, 1)
    ['abcd', 'defg', 'ghij']
    """
    raise NotImplementedError("chunk_text: see exercises/rag/README.md")


# --- bm25 --------------------------------------------------------------------------------------

class BM25Index:
    """Okapi BM25 over a growing collection of documents.

    score(q, d) = sum over query tokens t of
        idf(t) * f(t, d) * (k1 + 1) / (f(t, d) + k1 * (1 - b + b * |d| / avgdl))
    idf(t) = log(1 + (N - n_t + 0.5) / (n_t + 0.5))     (never negative)
    """

    def __init__(self, k1=1.5, b=0.75):
        """An empty index (no documents yet)."""
        raise NotImplementedError("bm25: see exercises/rag/README.md")

    def build(self, docs):
        """A fresh index over docs (anything added before is forgotten). Returns self."""
        raise NotImplementedError("bm25: see exercises/rag/README.md")

    def add(self, docs):
        """Append docs; N, avgdl and the idf of every term follow. Returns self."""
        raise NotImplementedError("bm25: see exercises/rag/README.md")

    def score(self, query):
        """BM25 score of every document for query  ->  float array (n_docs,), insertion order."""
        raise NotImplementedError("bm25: see exercises/rag/README.md")


# --- tfidf_matrix ------------------------------------------------------------------------------

def tfidf_matrix(docs):
    """TF-IDF rows like sklearn's TfidfVectorizer(token_pattern=r"[a-z0-9]+") defaults.

    tf = raw count, idf = ln((1 + n) / (1 + df)) + 1, each row scaled to unit L2 norm.
    Returns (X (n_docs, n_terms) float array, vocabulary: sorted list of terms = columns).
    """
    raise NotImplementedError("tfidf_matrix: see exercises/rag/README.md")


# --- cosine_top_k ------------------------------------------------------------------------------

def cosine_top_k(query, matrix, k):
    """The k rows of matrix (n, d) most cosine-similar to query (d,)  ->  (indices, scores).

    min(k, n) results, best first; ties -> lower index; a zero vector has similarity 0.
    """
    raise NotImplementedError("cosine_top_k: see exercises/rag/README.md")


# --- vector_index ------------------------------------------------------------------------------

class VectorIndex:
    """A small vector store: flat (exact) or IVF (inverted file: search only the nearest lists).

    metric: "cosine" or "dot" (higher is better). ids: integers; adding an existing id replaces it.
    IVF (n_lists given): the first add() trains a k-means quantiser on its vectors; every vector
    goes to the list of its best-scoring centroid; search() scans the n_probe best lists only.
    """

    def __init__(self, dim, metric="cosine", n_lists=None, n_probe=1, seed=0):
        """An empty index; ValueError for a metric other than "cosine" or "dot"."""
        raise NotImplementedError("vector_index: see exercises/rag/README.md")

    def add(self, ids, vectors):
        """Store vectors (m, dim) under ids (m integers); an existing id is replaced (upsert)."""
        raise NotImplementedError("vector_index: see exercises/rag/README.md")

    def delete(self, ids):
        """Forget these ids (unknown ids are ignored)."""
        raise NotImplementedError("vector_index: see exercises/rag/README.md")

    def __len__(self):
        """Number of live (not deleted) vectors."""
        raise NotImplementedError("vector_index: see exercises/rag/README.md")

    def search(self, query, k):
        """-> (ids int array, scores float array), best first, ties -> smaller id."""
        raise NotImplementedError("vector_index: see exercises/rag/README.md")


# --- rank_fusion -------------------------------------------------------------------------------

def reciprocal_rank_fusion(rankings, k=60):
    """RRF: score(d) = sum over rankings of 1 / (k + rank(d)), ranks from 1.

    -> list of (id, score), best first; ties -> the id seen first (reading ranking 0 top to
    bottom, then ranking 1, ...).
    >>> reciprocal_rank_fusion([["a", "b"], ["b", "c"]], k=1)
    [('b', 0.8333333333333333), ('a', 0.5), ('c', 0.3333333333333333)]
    """
    raise NotImplementedError("rank_fusion: see exercises/rag/README.md")


def hybrid_search(query, query_vec, lexical, doc_vecs, k=10, rrf_k=60, n_candidates=50):
    """Fuse a lexical ranking and a vector ranking of the same documents with RRF.

    lexical: any object with .score(query) -> (n_docs,) scores (a BM25Index, say).
    Lexical ranking: documents with score > 0, best first. Vector ranking: every document by
    cosine similarity to query_vec, best first. Both: ties -> lower index, top n_candidates only.
    -> list of (doc_index, rrf_score), at most k, fused lexical-first.
    """
    raise NotImplementedError("rank_fusion: see exercises/rag/README.md")


# --- mmr ---------------------------------------------------------------------------------------

def mmr(query_vec, doc_vecs, k, lambda_=0.5):
    """Maximal Marginal Relevance: pick argmax  lambda_ * sim(q, d) - (1 - lambda_) * max_s sim(d, s).

    Cosine similarities; the first pick is the most relevant document; ties -> lower index.
    -> list of min(k, n) document indices in pick order.
    """
    raise NotImplementedError("mmr: see exercises/rag/README.md")


# --- retrieval_metrics -------------------------------------------------------------------------

def recall_at_k(retrieved, relevant, k):
    """|top-k retrieved  and  relevant| / |relevant|  (0.0 when nothing is relevant)."""
    raise NotImplementedError("retrieval_metrics: see exercises/rag/README.md")


def mrr(retrieved_lists, relevant_sets):
    """Mean over queries of 1 / rank of the first relevant result (ranks from 1; 0 if none)."""
    raise NotImplementedError("retrieval_metrics: see exercises/rag/README.md")


def ndcg_at_k(retrieved, relevance, k):
    """DCG@k / ideal DCG@k with gain = relevance and discount log2(rank + 1), ranks from 1.

    relevance: dict id -> graded relevance (missing ids count 0). The ideal ranking sorts ALL
    judged relevances, retrieved or not. 0.0 when no document is relevant.
    """
    raise NotImplementedError("retrieval_metrics: see exercises/rag/README.md")


# --- build_prompt ------------------------------------------------------------------------------

def build_prompt(question, chunks, max_tokens, count_tokens):
    """Pack the most relevant chunks that fit into PROMPT_TEMPLATE  ->  (prompt, sources).

    chunks are in relevance order. Each one is tried in turn and kept if the whole prompt
    (template + question + kept chunks) still has count_tokens(prompt) <= max_tokens; one that
    does not fit is skipped and later ones are still tried. Kept chunks are numbered [1], [2], ...
    in the order kept; sources[n - 1] is the index in chunks of passage [n].
    ValueError if even the prompt with no context exceeds max_tokens.
    """
    raise NotImplementedError("build_prompt: see exercises/rag/README.md")
