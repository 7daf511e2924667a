"""Hidden checks for the rag topic. Every kata is compared with an independent reference written
here in a different way (loops, Counters, fractions of the formula) or with scikit-learn
(TfidfVectorizer, NearestNeighbors, ndcg_score), on seeded random corpora and vectors with
distinct sizes; plus the pinned conventions (tie-breaks, 1-indexed ranks, zero vectors give 0,
the prompt template and its budget), edge cases and inputs not mutated."""
import math
import re
from collections import Counter

import numpy as np
import pytest

from grader.check import assert_close, assert_shape, check, expect, learner

rag = learner("rag")

WORDS = ("retrieval augmented generation vector index query document chunk embedding cosine "
         "similarity ranking fusion recall precision answer model token budget context prompt "
         "search lexical dense sparse hybrid rerank latency cache the of and a to").split()
SEPARATORS = [" ", " ", " ", ", ", ". ", "-", " (", ") ", "! ", "\n", "/"]


def _tokens(text):
    return re.findall(r"[a-z0-9]+", text.lower())


def _corpus(seed, n_docs, min_len=3, max_len=30):
    """Random documents over WORDS with Zipf-like frequencies, random case and punctuation."""
    rng = np.random.default_rng(seed)
    p = 1.0 / np.arange(1, len(WORDS) + 1) ** 0.8
    p /= p.sum()
    docs = []
    for _ in range(n_docs):
        n = int(rng.integers(min_len, max_len + 1))
        words = [WORDS[i] for i in rng.choice(len(WORDS), size=n, p=p)]
        words = [w.upper() if rng.random() < 0.1 else (w.capitalize() if rng.random() < 0.2 else w)
                 for w in words]
        if rng.random() < 0.3:
            words.append(str(int(rng.integers(0, 100))))
        text = words[0]
        for w in words[1:]:
            text += SEPARATORS[int(rng.integers(len(SEPARATORS)))] + w
        docs.append(text)
    return docs


def _unit(X):
    X = np.asarray(X, dtype=float)
    n = np.linalg.norm(X, axis=-1, keepdims=True)
    return np.divide(X, n, out=np.zeros_like(X), where=n > 0)


def _pair(result, what, first="indices", second="scores"):
    expect(isinstance(result, (tuple, list)) and len(result) == 2,
           f"{what} should return a pair ({first}, {second})")
    return result


# =============================================================================================
# chunk_text
# =============================================================================================

def _text(seed, n):
    rng = np.random.default_rng(seed)
    return "".join(rng.choice(list("abcdefghij klmnop.,QRS"), size=n))


def _expected_chunks(text, size, overlap):
    """Closed form: ceil((n - size) / step) chunks after the first one, each a plain slice."""
    n, step = len(text), size - overlap
    if n == 0:
        return []
    count = 1 if n <= size else 1 + -(-(n - size) // step)
    return [text[i * step: i * step + size] for i in range(count)]


@check("chunk_text", points=2)
@pytest.mark.parametrize("n,size,overlap", [(1000, 64, 16), (257, 50, 0), (100, 30, 29), (41, 7, 3), (90, 12, 4)],
                         ids=["long", "no_overlap", "max_overlap", "ragged", "exact_fit"])
def test_chunks_follow_the_pinned_rule(n, size, overlap):
    text = _text(n, n)
    got = rag.chunk_text(text, size, overlap)
    expect(isinstance(got, list) and all(isinstance(c, str) for c in got), "chunk_text should return a list of str")
    want = _expected_chunks(text, size, overlap)
    expect(len(got) == len(want),
           f"got {len(got)} chunks for a text of {n} characters (size={size}, overlap={overlap}): chunk i starts "
           "at i * (size - overlap) and the last chunk is the FIRST one that reaches the end of the text")
    for i, (g, w) in enumerate(zip(got, want)):
        expect(g == w, f"chunk {i} is not text[i*(size-overlap) : i*(size-overlap)+size]")


@check("chunk_text", points=2)
@pytest.mark.parametrize("n,size,overlap", [(333, 40, 10), (58, 9, 0)], ids=["overlap", "no_overlap"])
def test_chunks_cover_the_whole_text_in_order(n, size, overlap):
    text = _text(7 * n, n)
    got = rag.chunk_text(text, size, overlap)
    expect(len(got) > 0 and all(len(c) > 0 for c in got), "no chunk may be empty")
    expect(all(len(c) <= size for c in got), "a chunk is longer than size")
    expect(got[-1] == text[len(text) - len(got[-1]):], "the last chunk should end with the last character of the text: "
           "the tail was dropped")
    rebuilt = got[0] + "".join(c[overlap:] for c in got[1:])
    expect(rebuilt == text, "joining the chunks (dropping each one's first `overlap` characters) does not give back "
           "the text: check the start of each chunk and the tail")


@check("chunk_text", points=1)
def test_chunk_edge_cases():
    expect(rag.chunk_text("", 10, 2) == [], "empty text should give []")
    expect(rag.chunk_text("short", 10, 2) == ["short"], "a text shorter than size is one chunk")
    expect(rag.chunk_text("ab", 10, 3) == ["ab"], "a text shorter than the overlap is still one chunk (the first "
           "chunk always exists for a non-empty text)")
    expect(rag.chunk_text("abcdefghij", 10, 3) == ["abcdefghij"], "a text of exactly size characters is one chunk")
    expect(rag.chunk_text("abcdefghijk", 10, 3) == ["abcdefghij", "hijk"],
           "a text one character longer than size is two chunks, the second starting at size - overlap")


@check("chunk_text", points=1, timeout=2)
@pytest.mark.parametrize("size,overlap", [(10, 10), (10, 14), (0, 0), (-5, 0), (10, -1)],
                         ids=["overlap_equals_size", "overlap_above_size", "size_zero", "size_negative",
                              "overlap_negative"])
def test_invalid_arguments_raise_value_error(size, overlap):
    try:
        rag.chunk_text("some text that is long enough to need several chunks", size, overlap)
    except ValueError:
        return
    raise AssertionError(f"chunk_text(text, size={size}, overlap={overlap}) should raise ValueError "
                         "(need size > 0 and 0 <= overlap < size; otherwise the loop never advances)")


# =============================================================================================
# bm25
# =============================================================================================

def _bm25_reference(docs, query, k1=1.5, b=0.75):
    """Document by document, term by term, straight from the formula."""
    tokenised = [_tokens(d) for d in docs]
    N = len(docs)
    avgdl = sum(len(t) for t in tokenised) / N
    out = []
    for toks in tokenised:
        tf = Counter(toks)
        s = 0.0
        for term in _tokens(query):
            n = sum(1 for t in tokenised if term in t)
            idf = math.log(1.0 + (N - n + 0.5) / (n + 0.5))
            f = tf[term]
            s += idf * f * (k1 + 1) / (f + k1 * (1 - b + b * len(toks) / avgdl))
        out.append(s)
    return np.array(out)


QUERIES = ["Retrieval of the document", "vector VECTOR index, cosine!", "hybrid rerank latency 42", "zebra unicorn"]


@check("bm25", points=2)
@pytest.mark.parametrize("k1,b", [(None, None), (1.2, 0.3), (2.0, 1.0), (0.8, 0.0)],
                         ids=["defaults", "k1_1.2_b_0.3", "k1_2_b_1", "b_zero"])
def test_bm25_scores_match_the_formula(k1, b):
    docs = _corpus(21, 26)
    index = rag.BM25Index() if k1 is None else rag.BM25Index(k1=k1, b=b)
    index.build(docs)
    for query in QUERIES:
        got = index.score(query)
        assert_shape(got, (len(docs),), name=f"score({query!r})", hint="one score per document, insertion order")
        assert_close(got, _bm25_reference(docs, query, 1.5 if k1 is None else k1, 0.75 if b is None else b),
                     rtol=1e-9, atol=1e-12, name=f"score({query!r})",
                     hint="check idf, the (k1 + 1) factor and where b and |d| / avgdl go in the denominator")


@check("bm25", points=2)
def test_bm25_common_terms_never_score_negative():
    docs = _corpus(5, 19)
    df = Counter(t for d in docs for t in set(_tokens(d)))
    common = max(df, key=df.get)
    expect(df[common] > len(docs) / 2, "(check data) the most common term should be in over half the documents")
    got = np.asarray(rag.BM25Index().build(docs).score(common), dtype=float)
    expect(np.all(got >= 0), "a term in more than half the documents gives negative scores: use "
           "idf = log(1 + (N - n + 0.5) / (n + 0.5)), which is never negative")
    assert_close(got, _bm25_reference(docs, common), rtol=1e-9, atol=1e-12, name="score(most common term)")


@check("bm25", points=2)
def test_bm25_add_updates_n_avgdl_and_idf():
    docs = _corpus(33, 24)
    index = rag.BM25Index(k1=1.3, b=0.6)
    index.build(docs[:9])
    ret = index.add(docs[9:])
    expect(ret is index, "add() should return self (so BM25Index().add(docs).score(q) works)")
    for query in QUERIES[:3]:
        assert_close(index.score(query), _bm25_reference(docs, query, 1.3, 0.6), rtol=1e-9, atol=1e-12,
                     name="score after add()", hint="after add(), N, avgdl and every document frequency must "
                     "include the new documents")
    index.build(docs[15:])
    assert_close(index.score(QUERIES[0]), _bm25_reference(docs[15:], QUERIES[0], 1.3, 0.6), rtol=1e-9, atol=1e-12,
                 name="score after a second build()", hint="build() starts a fresh index: forget earlier documents")


@check("bm25", points=1)
def test_bm25_tokenisation_and_edge_cases():
    docs = ["Hello, WORLD!", "hello-world foo_bar 42", "nothing here", "HELLO hello HeLLo"]
    index = rag.BM25Index().build(docs)
    assert_close(index.score("hello"), _bm25_reference(docs, "hello"), rtol=1e-9, atol=1e-12, name="score('hello')",
                 hint="lowercase, then tokens are runs of [a-z0-9]: 'hello-world' is two tokens, 'foo_bar' too")
    assert_close(index.score("bar 42"), _bm25_reference(docs, "bar 42"), rtol=1e-9, atol=1e-12, name="score('bar 42')")
    assert_close(index.score("hello hello"), 2 * _bm25_reference(docs, "hello"), rtol=1e-9, atol=1e-12,
                 name="score('hello hello')", hint="a query term repeated counts again")
    assert_close(index.score("absent"), np.zeros(4), name="score of an unknown term")
    empty = rag.BM25Index().score("anything")
    assert_shape(empty, (0,), name="score on an empty index")
    with np.errstate(all="ignore"):
        blank = np.asarray(rag.BM25Index().build(["", "!!! ...", " "]).score("hello world"), dtype=float)
    assert_shape(blank, (3,), name="score when every document is empty")
    expect(not np.isnan(blank).any() and np.all(blank == 0), "when every document is empty (avgdl = 0) every score "
           "should be 0, not NaN: guard the division by avgdl")


# =============================================================================================
# tfidf_matrix
# =============================================================================================

def _sklearn_tfidf(docs):
    from sklearn.feature_extraction.text import TfidfVectorizer
    vec = TfidfVectorizer(lowercase=True, token_pattern=r"[a-z0-9]+", smooth_idf=True, sublinear_tf=False, norm="l2")
    X = vec.fit_transform(docs).toarray()
    return X, list(vec.get_feature_names_out())


def _tfidf_result(docs):
    result = rag.tfidf_matrix(list(docs))
    expect(isinstance(result, (tuple, list)) and len(result) == 2, "tfidf_matrix should return (X, vocabulary)")
    X, vocab = result
    return np.asarray(X, dtype=float), [str(v) for v in vocab]


@check("tfidf_matrix", points=3)
@pytest.mark.parametrize("seed,n_docs", [(3, 14), (8, 5)], ids=["fourteen_docs", "five_docs"])
def test_tfidf_matches_sklearn(seed, n_docs):
    docs = _corpus(seed, n_docs)
    X, vocab = _tfidf_result(docs)
    want_X, want_vocab = _sklearn_tfidf(docs)
    expect(vocab == want_vocab, "the vocabulary should be every token of the corpus, sorted; tokens are runs of "
           "[a-z0-9] after lowercasing")
    assert_shape(X, want_X.shape, name="X", hint="rows are documents, columns the sorted vocabulary")
    assert_close(X, want_X, rtol=1e-9, atol=1e-12, name="X",
                 hint="tf = raw count, idf = ln((1 + n) / (1 + df)) + 1, then scale each ROW to unit L2 norm")


@check("tfidf_matrix", points=1)
def test_tfidf_rows_are_unit_and_empty_doc_is_zero():
    docs = _corpus(12, 7) + ["!!! ... ???", "cache"]
    X, vocab = _tfidf_result(docs)
    expect(not np.isnan(X).any(), "X contains NaN: a document without tokens must give a zero row")
    assert_close(np.linalg.norm(X[:-2], axis=1), np.ones(7), name="row norms", hint="each row has unit L2 norm")
    assert_close(X[-2], np.zeros(len(vocab)), name="row of a document without tokens")
    want_X, _ = _sklearn_tfidf(docs)
    assert_close(X, want_X, rtol=1e-9, atol=1e-12, name="X")


# =============================================================================================
# cosine_top_k
# =============================================================================================

def _topk_reference(query, M, k):
    sims = _unit(M) @ _unit(query)
    order = np.lexsort((np.arange(len(M)), -sims))[:k]      # score desc, then lower index
    return order, sims[order]


@check("cosine_top_k", points=2)
@pytest.mark.parametrize("n,d,k", [(30, 12, 7), (9, 20, 4)], ids=["tall", "wide"])
def test_cosine_top_k_matches_sklearn(n, d, k):
    from sklearn.neighbors import NearestNeighbors
    rng = np.random.default_rng(n * d)
    M, q = rng.normal(size=(n, d)), rng.normal(size=d)
    M0, q0 = M.copy(), q.copy()
    idx, scores = _pair(rag.cosine_top_k(q, M, k), "cosine_top_k")
    dist, want = NearestNeighbors(n_neighbors=k, metric="cosine", algorithm="brute").fit(M).kneighbors(q[None])
    assert_shape(idx, (k,), name="indices")
    expect(np.array_equal(np.asarray(idx), want[0]), "indices differ from the k most cosine-similar rows, best first")
    assert_close(scores, 1 - dist[0], rtol=1e-7, atol=1e-9, name="scores", hint="scores are cosine similarities")
    expect(np.array_equal(M, M0) and np.array_equal(q, q0), "cosine_top_k modified its inputs")


@check("cosine_top_k", points=2)
def test_cosine_top_k_zero_vectors_score_zero():
    rng = np.random.default_rng(4)
    M = rng.normal(size=(11, 6))
    M[[2, 7]] = 0.0
    q = rng.normal(size=6)
    with np.errstate(all="ignore"):
        idx, scores = _pair(rag.cosine_top_k(q, M, 11), "cosine_top_k")
    want_idx, want_scores = _topk_reference(q, M, 11)
    assert_close(scores, want_scores, name="scores", hint="a zero row has cosine similarity 0, not NaN")
    expect(np.array_equal(np.asarray(idx), want_idx), "indices wrong with zero rows: they score 0, ties -> lower index")
    with np.errstate(all="ignore"):
        idx, scores = _pair(rag.cosine_top_k(np.zeros(6), M, 4), "cosine_top_k")
    assert_close(scores, np.zeros(4), name="scores for a zero query", hint="a zero query is similar to nothing: 0")
    expect(np.array_equal(np.asarray(idx), [0, 1, 2, 3]), "all scores tie for a zero query: ties -> lower index first")


@check("cosine_top_k", points=2)
def test_cosine_top_k_ties_go_to_the_lower_index():
    rng = np.random.default_rng(15)
    base = rng.normal(size=(5, 8))
    M = base[[3, 0, 3, 1, 4, 0, 2, 3, 1, 4, 2, 0, 3]]           # exact duplicate rows, so exact ties
    q = rng.normal(size=8)
    for k in (9, 6, 10):   # k cuts through a group of tied rows: the lower indices of the group must be kept
        want_idx, want_scores = _topk_reference(q, M, k)
        idx, scores = _pair(rag.cosine_top_k(q, M, k), "cosine_top_k")
        assert_close(scores, want_scores, name="scores")
        expect(np.array_equal(np.asarray(idx), want_idx),
               f"k={k}: rows with equal similarity must come lower index first, also when k cuts through a group of "
               "tied rows (a stable sort on -scores does that; argsort(scores)[::-1] or argpartition do not)")


@check("cosine_top_k", points=1)
def test_cosine_top_k_k_larger_than_n():
    rng = np.random.default_rng(2)
    M, q = rng.normal(size=(5, 13)), rng.normal(size=13)
    idx, scores = _pair(rag.cosine_top_k(q, M, 12), "cosine_top_k")
    want_idx, want_scores = _topk_reference(q, M, 12)
    assert_shape(idx, (5,), name="indices", hint="k > n returns all n rows")
    expect(np.array_equal(np.asarray(idx), want_idx), "indices wrong when k > n")
    assert_close(scores, want_scores, name="scores")


# =============================================================================================
# vector_index
# =============================================================================================

def _clustered(seed, n_clusters=24, per=40, dim=16, noise=0.35):
    rng = np.random.default_rng(seed)
    centers = rng.normal(size=(n_clusters, dim))
    X = np.repeat(centers, per, axis=0) + noise * rng.normal(size=(n_clusters * per, dim))
    ids = rng.permutation(np.arange(1000, 1000 + len(X)))
    Q = X[rng.choice(len(X), 30, replace=False)] + noise * rng.normal(size=(30, dim))
    return ids, X, Q


def _brute(ids, X, q, k, metric="cosine"):
    ids = np.asarray(ids)
    scores = (_unit(X) @ _unit(q)) if metric == "cosine" else X @ q
    order = np.lexsort((ids, -scores))[:k]
    return ids[order], scores[order]


def _search(index, q, k):
    got_ids, got_scores = _pair(index.search(q, k), "search", "ids", "scores")
    return np.asarray(got_ids).astype(np.int64), np.asarray(got_scores, dtype=float)


@check("vector_index", points=2)
@pytest.mark.parametrize("metric", ["cosine", "dot"])
def test_flat_index_is_exact(metric):
    ids, X, Q = _clustered(1, n_clusters=6, per=20, dim=12)
    X = X * np.random.default_rng(9).uniform(0.5, 3.0, size=(len(X), 1))   # varied norms: cosine != dot
    X0, Q0 = X.copy(), Q.copy()
    index = rag.VectorIndex(12, metric=metric)
    index.add(ids[:50], X[:50])
    index.add(ids[50:], X[50:])
    expect(len(index) == len(ids), "len(index) should count the stored vectors")
    for q in Q[:10]:
        got_ids, got_scores = _search(index, q, 7)
        want_ids, want_scores = _brute(ids, X, q, 7, metric)
        expect(np.array_equal(got_ids, want_ids), f"flat {metric} search does not return the exact top-k ids, best first")
        assert_close(got_scores, want_scores, rtol=1e-7, atol=1e-9, name="scores",
                     hint="cosine: similarity of unit vectors; dot: the raw inner product")
    expect(np.array_equal(X, X0) and np.array_equal(Q, Q0),
           "add() or search() modified the vectors it was given: normalise a copy, never in place")


@check("vector_index", points=2)
def test_delete_and_upsert():
    ids, X, Q = _clustered(2, n_clusters=5, per=16, dim=10)
    index = rag.VectorIndex(10)
    index.add(ids, X)
    rng = np.random.default_rng(3)
    gone = rng.choice(ids, 25, replace=False)
    index.delete(list(gone) + [999999])          # an unknown id is ignored
    keep = ~np.isin(ids, gone)
    for q in Q[:8]:
        got_ids, _ = _search(index, q, 30)
        expect(not np.isin(got_ids, gone).any(), "search returned a deleted id")
        expect(np.array_equal(got_ids, _brute(ids[keep], X[keep], q, 30)[0]), "search after delete() is not exact")
    expect(len(index) == int(keep.sum()), "len(index) should drop by the number of deleted ids")
    live = ids[keep][:6]
    new = rng.normal(size=(6, 10))
    index.add(live, new)
    expect(len(index) == int(keep.sum()), "adding an existing id replaces its vector: len() must not grow")
    X2 = X[keep].copy()
    X2[:6] = new
    for q in np.vstack([new + 0.01, Q[8:12]]):
        got_ids, got_scores = _search(index, q, 5)
        want_ids, want_scores = _brute(ids[keep], X2, q, 5)
        expect(np.array_equal(got_ids, want_ids), "after re-adding an id, search should use its new vector only")
        assert_close(got_scores, want_scores, name="scores after upsert")


@check("vector_index", points=1)
def test_flat_ties_zero_vectors_and_small_k():
    rng = np.random.default_rng(6)
    v = rng.normal(size=(3, 5))
    index = rag.VectorIndex(5)
    index.add([40, 7, 23, 5, 31], np.vstack([v[0], v[0], v[1], v[0], np.zeros(5)]))
    got_ids, got_scores = _search(index, v[0], 3)
    expect(list(got_ids) == [5, 7, 40], "equal scores should come smaller id first")
    with np.errstate(all="ignore"):
        got_ids, got_scores = _search(index, np.zeros(5), 10)
    expect(len(got_ids) == 5, "k larger than the index returns every vector")
    assert_close(got_scores, np.zeros(5), name="scores for a zero query", hint="cosine with a zero vector is 0, not NaN")
    expect(list(got_ids) == [5, 7, 23, 31, 40], "all scores tie for a zero query: smaller id first")
    empty_ids, empty_scores = _search(rag.VectorIndex(5), v[1], 3)
    expect(len(empty_ids) == 0 and len(empty_scores) == 0, "searching an empty index returns empty arrays")


@check("vector_index", points=2)
def test_ivf_probing_every_list_is_exact():
    ids, X, Q = _clustered(4)
    index = rag.VectorIndex(16, n_lists=12, n_probe=12, seed=0)
    index.add(ids, X)
    for q in Q[:10]:
        got_ids, got_scores = _search(index, q, 10)
        want_ids, want_scores = _brute(ids, X, q, 10)
        expect(np.array_equal(got_ids, want_ids), "with n_probe == n_lists an IVF index must be exact: "
               "search the n_probe best lists, not just one")
        assert_close(got_scores, want_scores, name="IVF scores")


def _recall(index, ids, X, Q, k=10, exclude=()):
    hits = 0
    for q in Q:
        got_ids, _ = _search(index, q, k)
        expect(not np.isin(got_ids, list(exclude)).any(), "IVF search returned a deleted id")
        keep = ~np.isin(ids, list(exclude))
        hits += len(set(got_ids.tolist()) & set(_brute(ids[keep], X[keep], q, k)[0].tolist()))
    return hits / (k * len(Q))


@check("vector_index", points=2)
def test_ivf_recall_and_deletes():
    ids, X, Q = _clustered(5)
    rng = np.random.default_rng(12)
    Q = np.vstack([Q, (X[rng.choice(len(X), 30)] + X[rng.choice(len(X), 30)]) / 2])   # + queries between clusters
    index = rag.VectorIndex(16, n_lists=16, n_probe=4, seed=3)
    index.add(ids, X)
    recall = _recall(index, ids, X, Q)
    expect(recall >= 0.9, f"IVF recall@10 against brute force is {recall:.2f} with n_lists=16, n_probe=4 on clustered "
           "data (needs >= 0.9): train k-means well, assign each vector to its best centroid, probe the n_probe "
           "best centroids")
    gone = np.random.default_rng(8).choice(ids, 200, replace=False)
    index.delete(gone)
    expect(len(index) == len(ids) - 200, "len(index) after delete() in IVF mode")
    recall = _recall(index, ids, X, Q, exclude=set(gone.tolist()))
    expect(recall >= 0.9, f"IVF recall@10 after deletes is {recall:.2f} (needs >= 0.9)")


@check("vector_index", points=2)
def test_ivf_searches_only_the_probed_lists():
    ids, X, Q = _clustered(6)
    index = rag.VectorIndex(16, n_lists=10, n_probe=1, seed=1)
    index.add(ids[:600], X[:600])
    C = getattr(index, "centroids", None)
    expect(C is not None, "an IVF index keeps its k-means centroids as .centroids (None before training)")
    C = np.asarray(C, dtype=float).copy()
    index.add(ids[600:], X[600:])
    expect(np.array_equal(np.asarray(index.centroids, dtype=float), C),
           "the centroids changed on the second add(): only the FIRST add() trains k-means; later vectors just go "
           "to the list of their best centroid")
    assert_shape(C, (10, 16), name="index.centroids", hint="after the first add, an IVF index keeps its k-means "
                 "centroids as .centroids, one row per list")
    lists = np.argmax(_unit(X) @ C.T, axis=1)                   # the list of every vector
    # random directions: their global top-10 often spans several lists, so a flat scan is caught
    for q in np.vstack([Q[:4], np.random.default_rng(0).normal(size=(10, 16))]):
        probed = int(np.argmax(C @ _unit(q)))
        members = lists == probed
        got_ids, _ = _search(index, q, 10)
        want_ids, _ = _brute(ids[members], X[members], q, 10)
        expect(np.array_equal(got_ids, want_ids), "with n_probe=1, search should return the exact top-k of the ONE "
               "list whose centroid scores best for the query (each vector lives in the list of its best centroid)")
    again = rag.VectorIndex(16, n_lists=10, n_probe=1, seed=1)
    again.add(ids[:600], X[:600])
    assert_close(again.centroids, C, name="centroids of a second index with the same seed",
                 hint="k-means must be seeded with np.random.default_rng(seed): same seed, same centroids")


@check("vector_index", points=1)
def test_ivf_with_the_dot_metric_keeps_raw_vectors():
    # Clusters (and so centroids) of very different lengths: under "dot" a long centroid wins, so nothing
    # may be normalised, neither the stored vectors, nor the k-means, nor the list each vector goes to.
    ids, X, Q = _clustered(7)                                   # X: 24 clusters of 40 rows, in cluster order
    X = X * np.repeat(np.random.default_rng(70).uniform(0.2, 4.0, size=24), 40)[:, None]
    exact = rag.VectorIndex(16, metric="dot", n_lists=8, n_probe=8, seed=2)
    exact.add(ids, X)
    for q in Q[:6]:
        got_ids, got_scores = _search(exact, q, 10)
        want_ids, want_scores = _brute(ids, X, q, 10, metric="dot")
        expect(np.array_equal(got_ids, want_ids), "a dot-metric IVF index probing every list must equal exact "
               "dot-product search: store and score the raw vectors (only cosine normalises)")
        assert_close(got_scores, want_scores, name="dot-metric IVF scores")
    one = rag.VectorIndex(16, metric="dot", n_lists=8, n_probe=1, seed=2)
    one.add(ids, X)
    C = np.asarray(one.centroids, dtype=float)
    lists = np.argmax(X @ C.T, axis=1)                          # dot: best-scoring centroid, raw vectors
    by_angle = np.argmax(_unit(X) @ _unit(C).T, axis=1)         # what normalising would give instead
    differ = np.flatnonzero(lists != by_angle)[:6]              # vectors whose list depends on the metric
    for q in np.vstack([Q[6:10], X[differ]]):
        members = lists == int(np.argmax(C @ q))
        got_ids, _ = _search(one, q, len(X))                    # k = everything: the whole probed list
        want_ids, _ = _brute(ids[members], X[members], q, len(X), metric="dot")
        expect(np.array_equal(got_ids, want_ids), "with metric='dot' and n_probe=1, search should return the top-k "
               "of the one list whose centroid has the largest dot product with the query, each vector living in "
               "the list of its largest-dot-product centroid")


# =============================================================================================
# rank_fusion
# =============================================================================================

def _rrf_reference(rankings, k=60):
    order, score = [], {}
    for ranking in rankings:
        for position, doc in enumerate(ranking):
            if doc not in score:
                order.append(doc)
                score[doc] = 0.0
            score[doc] += 1.0 / (k + position + 1)
    first = {doc: i for i, doc in enumerate(order)}
    ranked = sorted(order, key=lambda d: (-score[d], first[d]))
    return ranked, np.array([score[d] for d in ranked])


def _fused(result, what="reciprocal_rank_fusion"):
    expect(isinstance(result, list) and all(isinstance(p, (tuple, list)) and len(p) == 2 for p in result),
           f"{what} should return a list of (id, score) pairs")
    return [p[0] for p in result], np.array([float(p[1]) for p in result])


@check("rank_fusion", points=2)
@pytest.mark.parametrize("k", [60, 5], ids=["k60", "k5"])
def test_rrf_matches_the_formula(k):
    rng = np.random.default_rng(k)
    pool = [f"doc{i}" for i in range(40)]
    rankings = [list(rng.choice(pool, size=n, replace=False)) for n in (25, 12, 30)]
    got_ids, got_scores = _fused(rag.reciprocal_rank_fusion([list(r) for r in rankings], k=k))
    want_ids, want_scores = _rrf_reference(rankings, k)
    expect(sorted(got_ids) == sorted(want_ids), "every id of every ranking appears once in the result")
    assert_close(got_scores, want_scores, rtol=1e-12, atol=1e-15, name="fused scores",
                 hint="score = sum over rankings of 1 / (k + rank), rank starting at 1; best first")
    expect(got_ids == want_ids, "fused order wrong: sort by score, best first")


@check("rank_fusion", points=2)
def test_rrf_ties_go_to_first_appearance():
    rankings = [["zeta", "alpha", "mu", "beta"], ["alpha", "zeta", "beta", "mu"]]
    got_ids, _ = _fused(rag.reciprocal_rank_fusion(rankings))
    expect(got_ids == ["zeta", "alpha", "mu", "beta"],
           "equal fused scores keep the order of first appearance (ranking 0 top to bottom, then ranking 1...), "
           "not the sorted order of the ids")
    got_ids, got_scores = _fused(rag.reciprocal_rank_fusion([[3, 1], [1, 3], [2]], k=1))
    expect(got_ids == [3, 1, 2], "ties: first appearance wins (ids 3 and 1 tie, 3 is seen first)")
    assert_close(got_scores, [1 / 2 + 1 / 3, 1 / 3 + 1 / 2, 1 / 2], rtol=1e-12, name="scores with k=1",
                 hint="rank 1 gives 1 / (k + 1)")


class _FixedLexical:
    """A stand-in lexical retriever: fixed scores for one expected query."""

    def __init__(self, scores, query):
        self.scores, self.query, self.calls = np.asarray(scores, dtype=float), query, 0

    def score(self, query):
        expect(query == self.query, "hybrid_search should call lexical.score(query) with the query text")
        self.calls += 1
        return self.scores.copy()


def _hybrid_reference(lex, qv, V, k, rrf_k, n_candidates):
    lex_rank = [i for i in sorted(range(len(lex)), key=lambda i: (-lex[i], i)) if lex[i] > 0][:n_candidates]
    sims = _unit(V) @ _unit(qv)
    vec_rank = sorted(range(len(V)), key=lambda i: (-sims[i], i))[:n_candidates]
    ids, scores = _rrf_reference([lex_rank, vec_rank], rrf_k)
    return ids[:k], scores[:k]


@check("rank_fusion", points=2)
@pytest.mark.parametrize("k,rrf_k,n_candidates", [(12, 60, 50), (9, 10, 7)], ids=["defaults", "few_candidates"])
def test_hybrid_search_fuses_lexical_and_vector_rankings(k, rrf_k, n_candidates):
    rng = np.random.default_rng(n_candidates)
    n, d = 36, 10
    V = rng.normal(size=(n, d)) * rng.uniform(0.2, 5.0, size=(n, 1))    # varied norms: cosine, not dot
    qv = rng.normal(size=d)
    lex = np.where(rng.random(n) < 0.45, rng.integers(1, 6, size=n).astype(float), 0.0)   # integer scores: ties
    lexical = _FixedLexical(lex, "what is hybrid search?")
    kwargs = {} if (rrf_k, n_candidates) == (60, 50) else {"rrf_k": rrf_k, "n_candidates": n_candidates}
    V_before, qv_before = V.copy(), qv.copy()
    got_ids, got_scores = _fused(rag.hybrid_search("what is hybrid search?", qv, lexical, V, k=k, **kwargs),
                                 "hybrid_search")
    expect(np.array_equal(V, V_before) and np.array_equal(qv, qv_before),
           "hybrid_search modified doc_vecs or query_vec in place: normalise copies, never the caller's arrays")
    want_ids, want_scores = _hybrid_reference(lex, qv, V, k, rrf_k, n_candidates)
    expect([int(i) for i in got_ids] == want_ids,
           "hybrid ranking wrong: lexical ranking = docs with score > 0 best first, vector ranking = every doc by "
           "COSINE similarity, both ties -> lower index and cut to n_candidates, then RRF (lexical first), top k")
    assert_close(got_scores, want_scores, rtol=1e-12, atol=1e-15, name="hybrid scores")


# =============================================================================================
# mmr
# =============================================================================================

def _mmr_reference(q, D, k, lam):
    def cos(a, b):
        na, nb = np.linalg.norm(a), np.linalg.norm(b)
        return 0.0 if na == 0 or nb == 0 else float(a @ b / (na * nb))
    n = len(D)
    rel = [cos(q, D[i]) for i in range(n)]
    picked = [max(range(n), key=lambda i: (rel[i], -i))]
    while len(picked) < min(k, n):
        best, best_val = None, -np.inf
        for i in range(n):
            if i in picked:
                continue
            val = lam * rel[i] - (1 - lam) * max(cos(D[i], D[j]) for j in picked)
            if val > best_val + 1e-12:
                best, best_val = i, val
        picked.append(best)
    return picked


@check("mmr", points=2)
@pytest.mark.parametrize("lam", [0.3, 0.7, 0.5], ids=["lambda_0.3", "lambda_0.7", "lambda_0.5"])
def test_mmr_matches_the_greedy_rule(lam):
    rng = np.random.default_rng(int(lam * 10))
    base = rng.normal(size=(6, 9))
    D = np.repeat(base, 4, axis=0)[:22] + 0.3 * rng.normal(size=(22, 9))   # near-duplicate groups
    q = base[0] + base[1] + 0.2 * rng.normal(size=9)
    D0, q0 = D.copy(), q.copy()
    got = rag.mmr(q, D, 8, lambda_=lam)
    expect([int(i) for i in got] == _mmr_reference(q, D, 8, lam),
           "picks differ: value = lambda_ * sim(query, d) - (1 - lambda_) * max over picked s of sim(d, s), cosine "
           "similarities, first pick the most relevant")
    expect(np.array_equal(D, D0) and np.array_equal(q, q0), "mmr modified doc_vecs or query_vec: normalise copies")


@check("mmr", points=2)
def test_mmr_extremes_and_default_lambda():
    rng = np.random.default_rng(17)
    D, q = rng.normal(size=(15, 7)) * rng.uniform(0.1, 4, size=(15, 1)), rng.normal(size=7)
    rel = _unit(D) @ _unit(q)
    by_relevance = sorted(range(15), key=lambda i: (-rel[i], i))
    expect([int(i) for i in rag.mmr(q, D, 6, lambda_=1.0)] == by_relevance[:6],
           "lambda_=1 is pure relevance: the top-6 by cosine similarity to the query")
    got = [int(i) for i in rag.mmr(q, D, 5, lambda_=0.0)]
    expect(got[0] == by_relevance[0], "the first pick is the most relevant document, whatever lambda_")
    expect(got == _mmr_reference(q, D, 5, 0.0), "lambda_=0 is pure diversity after the first pick")
    expect([int(i) for i in rag.mmr(q, D, 7)] == _mmr_reference(q, D, 7, 0.5), "the default lambda_ is 0.5")


@check("mmr", points=1)
def test_mmr_ties_zero_vectors_and_k_above_n():
    rng = np.random.default_rng(23)
    base = rng.normal(size=(3, 5))
    D = base[[1, 0, 2, 0, 1]].copy()
    D = np.vstack([D, np.zeros(5)])
    q = base[0]
    with np.errstate(all="ignore"):
        got = [int(i) for i in rag.mmr(q, D, 10, lambda_=1.0)]
    expect(len(got) == 6 and sorted(got) == list(range(6)), "k > n returns every index once")
    expect(got[:2] == [1, 3], "exact duplicates tie: lower index first")
    with np.errstate(all="ignore"):
        got = [int(i) for i in rag.mmr(q, D, 4, lambda_=0.6)]
    expect(got == _mmr_reference(q, D, 4, 0.6), "picks wrong with a zero vector among the documents (its cosine "
           "similarity is 0) or with exact ties (lower index first)")


# =============================================================================================
# retrieval_metrics
# =============================================================================================

@check("retrieval_metrics", points=2)
def test_recall_at_k():
    rng = np.random.default_rng(31)
    for trial in range(6):
        retrieved = [int(x) for x in rng.permutation(50)[:20]]
        relevant = set(int(x) for x in rng.choice(50, size=int(rng.integers(1, 9)), replace=False))
        for k in (1, 5, 13, 40):
            want = sum(1 for d in retrieved[:k] if d in relevant) / len(relevant)
            got = rag.recall_at_k(retrieved, relevant, k)
            expect(abs(float(got) - want) < 1e-12, f"recall_at_k wrong (k={k}): hits in the top k divided by the "
                   "number of relevant documents (not by k)")
    expect(float(rag.recall_at_k([1, 2], set(), 2)) == 0.0, "with no relevant document recall is 0.0")
    expect(float(rag.recall_at_k(["a", "b", "c"], ["c", "a"], 2)) == 0.5, "relevant may be a list of ids")
    expect(float(rag.recall_at_k(["a", "a", "b"], {"a", "c"}, 3)) == 0.5, "an id retrieved twice counts once "
           "(|set(retrieved[:k]) & relevant|): chunks of one document often come back more than once")


@check("retrieval_metrics", points=2)
def test_mrr():
    rng = np.random.default_rng(32)
    lists, rels, rr = [], [], []
    for trial in range(12):
        retrieved = [int(x) for x in rng.permutation(30)[:10]]
        relevant = set(int(x) for x in rng.choice(30, size=3, replace=False))
        lists.append(retrieved)
        rels.append(relevant)
        first = next((p for p, d in enumerate(retrieved) if d in relevant), None)
        rr.append(0.0 if first is None else 1.0 / (first + 1))
    expect(0.0 in rr, "(check data) some query should have no relevant result")
    got = float(rag.mrr(lists, rels))
    expect(abs(got - float(np.mean(rr))) < 1e-12, "mrr wrong: mean over ALL queries of 1 / rank of the first "
           "relevant result, ranks from 1, 0 for a query with no relevant result")
    expect(float(rag.mrr([["a", "b"]], [{"a"}])) == 1.0, "a relevant first result has rank 1: reciprocal rank 1.0")
    expect(float(rag.mrr([["a", "b"], ["c"]], [{"b"}, {"z"}])) == 0.25, "mrr([[a, b], [c]], [{b}, {z}]) should be "
           "(1/2 + 0) / 2")


@check("retrieval_metrics", points=2)
@pytest.mark.parametrize("n,k", [(20, 5), (14, 10), (9, 9)], ids=["k5", "k10", "k_all"])
def test_ndcg_matches_sklearn(n, k):
    from sklearn.metrics import ndcg_score
    rng = np.random.default_rng(n + k)
    rel = rng.integers(0, 4, size=n).astype(float)
    rel[int(rng.integers(n))] = 3.0
    ranking = [int(i) for i in rng.permutation(n)]
    relevance = {f"d{i}": rel[i] for i in range(n) if rel[i] > 0}
    got = float(rag.ndcg_at_k([f"d{i}" for i in ranking], relevance, k))
    y_score = np.empty(n)
    y_score[ranking] = np.arange(n, 0, -1)              # first retrieved gets the highest score
    want = ndcg_score(rel[None], y_score[None], k=k)
    expect(abs(got - want) < 1e-10, "ndcg_at_k differs from sklearn.metrics.ndcg_score: gain = relevance, "
           "discount log2(rank + 1) with rank from 1, ideal DCG from all judged relevances sorted")


@check("retrieval_metrics", points=2)
def test_ndcg_edge_cases():
    relevance = {"a": 3, "b": 2, "c": 1, "x": 2}
    expect(abs(float(rag.ndcg_at_k(["a", "x", "b", "c"], relevance, 4)) - 1.0) < 1e-12, "an ideal ranking has nDCG 1")
    # "x" (relevance 2) is never retrieved: it still counts in the ideal ranking
    got = float(rag.ndcg_at_k(["a", "b", "c", "q"], relevance, 3))
    dcg = 3 / math.log2(2) + 2 / math.log2(3) + 1 / math.log2(4)
    idcg = 3 / math.log2(2) + 2 / math.log2(3) + 2 / math.log2(4)
    expect(abs(got - dcg / idcg) < 1e-12, "the ideal DCG uses every judged relevance, also of documents that "
           "were not retrieved")
    expect(float(rag.ndcg_at_k(["a", "b"], {"z": 0}, 2)) == 0.0, "with no relevant document nDCG is 0.0")
    expect(float(rag.ndcg_at_k(["q", "a"], {"a": 1}, 1)) == 0.0, "only the top k count")
    got = float(rag.ndcg_at_k(["q", "a"], {"a": 1}, 2))
    expect(abs(got - 1 / math.log2(3)) < 1e-12, "a single relevant document at rank 2 gives 1 / log2(3)")


# =============================================================================================
# build_prompt
# =============================================================================================

TEMPLATE = ("Answer the question using only the numbered context passages below. "
            "Cite the passages you use like [1].\n\nContext:\n{context}\n\nQuestion: {question}\nAnswer:")


def _words(text):
    return len(text.split())


def _chars4(text):
    return -(-len(text) // 4)


def _prompt_reference(question, chunks, max_tokens, count):
    def render(kept):
        return TEMPLATE.format(context="\n".join(f"[{n + 1}] {chunks[i]}" for n, i in enumerate(kept)),
                               question=question)
    kept = []
    for i in range(len(chunks)):
        if count(render(kept + [i])) <= max_tokens:
            kept.append(i)
    return render(kept), kept


def _chunks(seed, n):
    rng = np.random.default_rng(seed)
    return [" ".join(rng.choice(WORDS, size=int(rng.integers(2, 40)))) for _ in range(n)]


def _prompt(result):
    expect(isinstance(result, (tuple, list)) and len(result) == 2, "build_prompt should return (prompt, sources)")
    prompt, sources = result
    expect(isinstance(prompt, str), "the prompt should be a str")
    return prompt, [int(s) for s in sources]


@check("build_prompt", points=2)
@pytest.mark.parametrize("counter,budget", [(_words, 120), (_chars4, 260), (_words, 75)],
                         ids=["words_120", "chars_260", "words_75"])
def test_prompt_matches_template_and_greedy_rule(counter, budget):
    chunks = _chunks(budget, 11)
    question = "How does hybrid retrieval combine BM25 and dense vectors?"
    chunks0 = list(chunks)
    prompt, sources = _prompt(rag.build_prompt(question, chunks, budget, counter))
    want_prompt, want_sources = _prompt_reference(question, chunks, budget, counter)
    expect(counter(prompt) <= budget, "the prompt exceeds max_tokens: count the WHOLE prompt (template, question and "
           "passages), not just the chunks")
    expect(sources == want_sources, "wrong chunks kept: try each chunk in relevance order, keep it if the whole prompt "
           "still fits, otherwise skip it and try the next ones")
    expect(prompt == want_prompt, "the prompt text differs from PROMPT_TEMPLATE filled with '[n] chunk' lines joined "
           "by newlines, n = 1, 2, ... in the order kept")
    expect(chunks == chunks0, "build_prompt modified chunks")


@check("build_prompt", points=2)
def test_prompt_never_exceeds_budget_and_citations_are_consecutive():
    chunks = _chunks(44, 14)
    question = "Which index gives the best recall?"
    for budget in range(40, 260, 23):
        prompt, sources = _prompt(rag.build_prompt(question, chunks, budget, _words))
        expect(_words(prompt) <= budget, f"the prompt has more than max_tokens={budget} tokens")
        expect(f"Question: {question}" in prompt, "the question is always included")
        expect(len(set(sources)) == len(sources) and all(0 <= s < len(chunks) for s in sources),
               "sources should hold distinct indices into chunks")
        cited = [int(m) for m in re.findall(r"^\[(\d+)\] ", prompt, flags=re.M)]
        expect(cited == list(range(1, len(sources) + 1)),
               "passages must be numbered [1], [2], ... consecutively in the order kept (not by their index in chunks)")
        for n, s in enumerate(sources, start=1):
            expect(f"[{n}] {chunks[s]}\n" in prompt, f"passage [{n}] should hold chunks[sources[{n - 1}]]")


@check("build_prompt", points=1)
def test_prompt_edge_cases():
    question = "What is RAG?"
    empty = TEMPLATE.format(context="", question=question)
    prompt, sources = _prompt(rag.build_prompt(question, [], 100, _words))
    expect(prompt == empty and sources == [], "with no chunks the context is empty and sources is []")
    exact = TEMPLATE.format(context="[1] alpha beta", question=question)
    prompt, sources = _prompt(rag.build_prompt(question, ["alpha beta", "gamma"], _words(exact), _words))
    expect(sources == [0] and prompt == exact, "a prompt with exactly max_tokens tokens fits (<=, not <)")
    try:
        rag.build_prompt(question, ["alpha"], _words(empty) - 1, _words)
    except ValueError:
        return
    raise AssertionError("when even the prompt without context exceeds max_tokens, raise ValueError")
