"""Hidden checks for the rag topic. Every kata is compared with an independent reference written
here in a different way (loops, Counters, fractions of the formula) or with scikit-learn
(TfidfVectorizer, NearestNeighbors, ndcg_score), on seeded random corpora and vectors with
distinct sizes; plus the pinned conventions (tie-breaks, 1-indexed ranks, zero vectors give 0,
the prompt template and its budget), edge cases and inputs not mutated."""
import math
import re
from collections import Counter
from fractions import Fraction

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


# Rows of small integers whose norms are 2 or 4: their cosine similarities are dyadic fractions that
# every correct formula (unit rows then a dot product, a.b / (|a||b|), sqrt of products...) computes
# EXACTLY, so ties between them are exact ties whatever the learner's arithmetic.
_PATTERNS = [(4,), (2, 2, 2, 2), (3, 1, 1, 1, 1, 1, 1, 1), (2, 2, 2, 1, 1, 1, 1), (1, 1, 1, 1), (2,)]
TINY, HUGE = 2.0 ** -160, 2.0 ** 150        # ~7e-49 and ~1e45: exact powers of 2, no under/overflow in a.b


def _dyadic(rng, n, d=8, scales=(1.0,)):
    out = np.zeros((n, d))
    for i in range(n):
        pattern = np.array(_PATTERNS[int(rng.integers(len(_PATTERNS)))], dtype=float)
        out[i, rng.choice(d, len(pattern), replace=False)] = pattern * rng.choice([-1.0, 1.0], len(pattern))
        out[i] *= scales[int(rng.integers(len(scales)))]
    return out


def _exact_cos(a, b):
    """The exact cosine similarity of two float vectors whose squared norms are squares of dyadic numbers
    (as _dyadic makes them), as a Fraction: every float is a Fraction exactly."""
    fa, fb = [Fraction(float(x)) for x in a], [Fraction(float(x)) for x in b]
    na2, nb2 = sum(x * x for x in fa), sum(x * x for x in fb)
    if na2 == 0 or nb2 == 0:
        return Fraction(0)
    return sum(x * y for x, y in zip(fa, fb)) / (_exact_sqrt(na2) * _exact_sqrt(nb2))


def _exact_sqrt(f):
    rn, rd = math.isqrt(f.numerator), math.isqrt(f.denominator)
    assert rn * rn == f.numerator and rd * rd == f.denominator, "(check data) the norm must be a dyadic number"
    return Fraction(rn, rd)


def _exact_sims(M, q):
    sims = [_exact_cos(row, q) for row in M]
    assert all(float(x) == x for x in sims), "(check data) exact cosines must be floats"
    return np.array([float(x) for x in sims])


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


@check("chunk_text", points=2, pins=["step-rule", "last-chunk", "returns-list"])
@pytest.mark.parametrize("n,size,overlap", [(1000, 64, 16), (257, 50, 0), (100, 30, 29), (41, 7, 3), (90, 12, 4),
                                            (92, 12, 4), (23, 1, 0)],
                         ids=["long", "no_overlap", "max_overlap", "ragged", "ragged_overlap", "exact_fit", "size_one"])
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


@check("chunk_text", points=2, pins=["no-empty-no-inside", "last-chunk"])
@pytest.mark.parametrize("n,size,overlap", [(333, 40, 10), (58, 9, 0), (86, 10, 2)], ids=["overlap", "no_overlap", "exact_fit"])
def test_chunks_cover_the_whole_text_in_order(n, size, overlap):
    text = _text(7 * n, n)
    got = rag.chunk_text(text, size, overlap)
    expect(len(got) > 0 and all(len(c) > 0 for c in got), "no chunk may be empty")
    expect(all(len(c) <= size for c in got), "a chunk is longer than size")
    expect(got[-1] == text[len(text) - len(got[-1]):], "the last chunk should end with the last character of the text: "
           "the tail was dropped")
    expect(all(len(c) > overlap for c in got[1:]), "a chunk lies entirely inside the previous one: stop at the FIRST "
           "chunk that reaches the end of the text")
    rebuilt = got[0] + "".join(c[overlap:] for c in got[1:])
    expect(rebuilt == text, "joining the chunks (dropping each one's first `overlap` characters) does not give back "
           "the text: check the start of each chunk and the tail")


@check("chunk_text", points=1, pins=["empty-and-short"])
def test_chunk_edge_cases():
    expect(rag.chunk_text("", 10, 2) == [], "empty text should give []")
    expect(rag.chunk_text("short", 10, 2) == ["short"], "a text shorter than size is one chunk")
    expect(rag.chunk_text("ab", 10, 3) == ["ab"], "a text shorter than the overlap is still one chunk (the first "
           "chunk always exists for a non-empty text)")
    expect(rag.chunk_text("abcdefghij", 10, 3) == ["abcdefghij"], "a text of exactly size characters is one chunk")
    expect(rag.chunk_text("abcdefghijk", 10, 3) == ["abcdefghij", "hijk"],
           "a text one character longer than size is two chunks, the second starting at size - overlap")
    expect(rag.chunk_text("abc", 1) == ["a", "b", "c"], "size=1 (with the default overlap 0) gives one chunk per character")
    expect(rag.chunk_text("x", 1, 0) == ["x"], "a one-character text with size=1 is one chunk")


@check("chunk_text", points=1, timeout=2, pins=["validate-first"])
@pytest.mark.parametrize("size,overlap", [(10, 10), (10, 14), (0, 0), (-5, 0), (10, -1), (1, 1)],
                         ids=["overlap_equals_size", "overlap_above_size", "size_zero", "size_negative",
                              "overlap_negative", "size_one_overlap_one"])
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


@check("bm25", points=2, pins=["formula", "tokens", "returns-self"])
@pytest.mark.parametrize("k1,b", [(None, None), (1.2, 0.3), (2.0, 1.0), (0.8, 0.0)],
                         ids=["defaults", "k1_1.2_b_0.3", "k1_2_b_1", "b_zero"])
def test_bm25_scores_match_the_formula(k1, b):
    docs = _corpus(21, 26)
    index = rag.BM25Index() if k1 is None else rag.BM25Index(k1=k1, b=b)
    expect(index.build(docs) is index, "build() should return self (so BM25Index().build(docs).score(q) works)")
    for query in QUERIES:
        got = index.score(query)
        assert_shape(got, (len(docs),), name=f"score({query!r})", hint="one score per document, insertion order")
        assert_close(got, _bm25_reference(docs, query, 1.5 if k1 is None else k1, 0.75 if b is None else b),
                     rtol=1e-9, atol=1e-12, name=f"score({query!r})",
                     hint="check idf, the (k1 + 1) factor and where b and |d| / avgdl go in the denominator")


@check("bm25", points=2, pins=["idf-lucene"])
def test_bm25_common_terms_never_score_negative():
    docs = _corpus(5, 19)
    df = Counter(t for d in docs for t in set(_tokens(d)))
    common = max(df, key=df.get)
    expect(df[common] > len(docs) / 2, "(check data) the most common term should be in over half the documents")
    got = np.asarray(rag.BM25Index().build(docs).score(common), dtype=float)
    expect(np.all(got >= 0), "a term in more than half the documents gives negative scores: use "
           "idf = log(1 + (N - n + 0.5) / (n + 0.5)), which is never negative")
    assert_close(got, _bm25_reference(docs, common), rtol=1e-9, atol=1e-12, name="score(most common term)")


@check("bm25", points=2, pins=["add-updates-stats", "build-fresh", "returns-self"])
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


@check("bm25", points=1, pins=["tokens", "query-repeats", "empty-index"])
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
    single = rag.BM25Index().build(["Hello world"])
    assert_close(single.score("hello"), _bm25_reference(["Hello world"], "hello"), rtol=1e-9, atol=1e-12,
                 name="score on a one-document index", hint="N = 1 is an ordinary index, not an empty one")
    one_token = ["hello", "", "?!"]
    assert_close(rag.BM25Index().build(one_token).score("hello"), _bm25_reference(one_token, "hello"), rtol=1e-9,
                 atol=1e-12, name="score when the whole corpus has one token")


@check("bm25", points=2, pins=["add-without-build", "nothing-stale", "add-updates-stats", "returns-self"])
def test_bm25_add_on_a_new_index_and_after_scoring():
    docs = _corpus(41, 27)
    index = rag.BM25Index(k1=1.1, b=0.9)
    expect(index.add(docs[:8]) is index, "add() should return self, also on a new index")
    assert_close(index.score(QUERIES[0]), _bm25_reference(docs[:8], QUERIES[0], 1.1, 0.9), rtol=1e-9, atol=1e-12,
                 name="score after add() on a new index", hint="a new BM25Index is an empty index: add() must work "
                 "without build()")
    for start, stop in ((8, 15), (15, 27)):                  # score, then add, then score again
        index.add(docs[start:stop])
        for query in QUERIES[:3]:
            assert_close(index.score(query), _bm25_reference(docs[:stop], query, 1.1, 0.9), rtol=1e-9, atol=1e-12,
                         name="score after score() then add()", hint="nothing computed by an earlier score() (idf, "
                         "avgdl, N) may go stale when add() brings new documents")
    index.build(docs[20:])
    assert_close(index.score(QUERIES[1]), _bm25_reference(docs[20:], QUERIES[1], 1.1, 0.9), rtol=1e-9, atol=1e-12,
                 name="score after build() on a used index", hint="build() starts a fresh index")



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


@check("tfidf_matrix", points=3, pins=["sorted-vocab", "sklearn-equal", "idf-formula", "returns", "no-count-vectorizer"])
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


@check("tfidf_matrix", points=1, pins=["row-l2-empty-zero"])
def test_tfidf_rows_are_unit_and_empty_doc_is_zero():
    docs = _corpus(12, 7) + ["!!! ... ???", "cache"]
    X, vocab = _tfidf_result(docs)
    expect(not np.isnan(X).any(), "X contains NaN: a document without tokens must give a zero row")
    assert_close(np.linalg.norm(X[:-2], axis=1), np.ones(7), name="row norms", hint="each row has unit L2 norm")
    assert_close(X[-2], np.zeros(len(vocab)), name="row of a document without tokens")
    want_X, _ = _sklearn_tfidf(docs)
    assert_close(X, want_X, rtol=1e-9, atol=1e-12, name="X")


@check("tfidf_matrix", points=1, pins=["no-token-corpus", "returns"])
@pytest.mark.parametrize("docs", [["", "!!! ...", " - "], []], ids=["no_token", "no_document"])
def test_tfidf_corpus_without_tokens(docs):
    result = rag.tfidf_matrix(list(docs))
    expect(isinstance(result, tuple) and len(result) == 2, "tfidf_matrix should return the tuple (X, vocabulary)")
    X, vocab = result
    expect(isinstance(vocab, list) and len(vocab) == 0, "a corpus without any token has the empty vocabulary []")
    expect(isinstance(X, np.ndarray), "X should be a numpy array")
    assert_shape(X, (len(docs), 0), name="X", hint="one row per document and no column when there is no token")


# =============================================================================================
# cosine_top_k
# =============================================================================================

def _topk_reference(query, M, k):
    sims = _unit(M) @ _unit(query)
    order = np.lexsort((np.arange(len(M)), -sims))[:k]      # score desc, then lower index
    return order, sims[order]


@check("cosine_top_k", points=2, pins=["min-k-n", "return-types", "inputs-unchanged"])
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


@check("cosine_top_k", points=2, pins=["zero-vector-zero", "ties-lower-index"])
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


@check("cosine_top_k", points=2, pins=["ties-lower-index", "exact-ties"])
def test_cosine_top_k_ties_go_to_the_lower_index():
    rng = np.random.default_rng(15)
    base = _dyadic(rng, 5)
    M = base[[3, 0, 3, 1, 4, 0, 2, 3, 1, 4, 2, 0, 3]] * rng.choice([0.5, 1.0, 4.0], size=(13, 1))   # exact ties
    q = _dyadic(rng, 1)[0] * 2.0
    exact = _exact_sims(M, q)
    for k in (9, 6, 10):   # k cuts through a group of tied rows: the lower indices of the group must be kept
        want_idx = np.lexsort((np.arange(len(M)), -exact))[:k]
        want_scores = exact[want_idx]
        idx, scores = _pair(rag.cosine_top_k(q, M, k), "cosine_top_k")
        assert_close(scores, want_scores, name="scores")
        expect(np.array_equal(np.asarray(idx), want_idx),
               f"k={k}: rows with equal similarity must come lower index first, also when k cuts through a group of "
               "tied rows (a stable sort on -scores does that; argsort(scores)[::-1] or argpartition do not)")


@check("cosine_top_k", points=1, pins=["min-k-n"])
def test_cosine_top_k_k_larger_than_n():
    rng = np.random.default_rng(2)
    M, q = rng.normal(size=(5, 13)), rng.normal(size=13)
    idx, scores = _pair(rag.cosine_top_k(q, M, 12), "cosine_top_k")
    want_idx, want_scores = _topk_reference(q, M, 12)
    assert_shape(idx, (5,), name="indices", hint="k > n returns all n rows")
    expect(np.array_equal(np.asarray(idx), want_idx), "indices wrong when k > n")
    assert_close(scores, want_scores, name="scores")


@check("cosine_top_k", points=2, pins=["no-epsilon", "exact-ties", "ties-lower-index"])
def test_cosine_top_k_tiny_and_huge_norms():
    rng = np.random.default_rng(27)
    M = _dyadic(rng, 16, scales=(TINY, 1.0, HUGE))
    M[[5, 11]] = M[[2, 2]] * [[HUGE], [1.0 / HUGE]]              # the same direction at three norms: exact ties
    q = _dyadic(rng, 1)[0] * TINY
    exact = _exact_sims(M, q)
    with np.errstate(all="ignore"):
        idx, scores = _pair(rag.cosine_top_k(q, M, 9), "cosine_top_k")
    want = np.lexsort((np.arange(len(M)), -exact))[:9]
    assert_close(scores, exact[want], rtol=1e-12, atol=0, name="scores for tiny and huge norms",
                 hint="the cosine similarity does not depend on the norms: no epsilon added to |a| |b|, no "
                      "threshold below which a nonzero vector counts as zero")
    expect(np.array_equal(np.asarray(idx), want), "indices wrong for rows of tiny (1e-48) and huge (1e45) norms: the "
           "cosine ignores the norms, and equal similarities come lower index first")
    R = rng.normal(size=(12, 7)) * 10.0 ** rng.integers(-40, 30, size=(12, 1))   # random rows, norms 1e-40..1e30
    r = rng.normal(size=7) * 1e-35
    sims = np.array([float(a @ r) / (np.linalg.norm(a) * np.linalg.norm(r)) for a in R])
    with np.errstate(all="ignore"):
        idx, scores = _pair(rag.cosine_top_k(r, R, 12), "cosine_top_k")
    assert_close(scores, np.sort(sims)[::-1], rtol=1e-9, atol=1e-12, name="scores for random rows of tiny norms",
                 hint="no epsilon: a tiny nonzero vector has its true cosine similarity")
    expect(np.array_equal(np.asarray(idx), np.argsort(-sims, kind="stable")), "indices wrong for tiny norms")


@check("cosine_top_k", points=1, pins=["k-zero-n-zero", "return-types"])
def test_cosine_top_k_k_zero_and_no_rows():
    rng = np.random.default_rng(8)
    M, q = rng.normal(size=(7, 5)), rng.normal(size=5)
    for what, args in (("k = 0", (q, M, 0)), ("a matrix with no rows", (q, np.zeros((0, 5)), 3))):
        idx, scores = _pair(rag.cosine_top_k(*args), "cosine_top_k")
        expect(isinstance(idx, np.ndarray) and isinstance(scores, np.ndarray) and len(idx) == 0 and len(scores) == 0,
               f"{what} should give two empty arrays (no row is returned), not every row")
        expect(np.issubdtype(idx.dtype, np.integer) and scores.dtype == np.float64,
               f"{what}: the empty indices should still be an int array and the scores a float64 array")


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


@check("vector_index", points=2, pins=["flat-exact", "dot-raw", "return-types"])
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


@check("vector_index", points=2, pins=["upsert", "delete"])
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


@check("vector_index", points=1, pins=["ties-smaller-id", "empty-and-k0"])
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


@check("vector_index", points=2, pins=["probe-all-exact"])
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


@check("vector_index", points=2, pins=["recall", "delete"])
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


@check("vector_index", points=2, pins=["probe", "best-centroid-list", "first-add-trains", "centroids-attr",
                                     "same-seed"])
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


@check("vector_index", points=1, pins=["dot-raw", "best-centroid-list", "lloyd-means"])
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
    assert_shape(C, (8, 16), name="index.centroids")
    longest = np.linalg.norm(X, axis=1).max()
    expect(np.all(np.linalg.norm(C, axis=1) <= longest * (1 + 1e-9)),
           "a dot-metric centroid is longer than every training vector: a centroid is the MEAN of its list's "
           "vectors (not their sum), and only cosine re-normalises")
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


def _spherical_kmeans(X, n_lists, seed):
    """The pinned quantiser, written another way: bincount and add.at for the means. Returns the
    centroids and the number of rounds; the check data never empties a list and converges."""
    U = _unit(X)
    C = U[np.random.default_rng(seed).choice(len(U), n_lists, replace=False)].copy()
    labels = None
    for rounds in range(1, 26):
        new = (U @ C.T).argmax(axis=1)
        if labels is not None and np.array_equal(new, labels):
            return C, rounds
        labels = new
        counts = np.bincount(labels, minlength=n_lists)
        assert counts.min() > 0, "(check data) no list may run empty"
        sums = np.zeros_like(C)
        np.add.at(sums, labels, U)
        C = _unit(sums / counts[:, None])
    raise AssertionError("(check data) k-means should converge within 25 rounds")


@check("vector_index", points=2, pins=["pinned-start", "lloyd-means", "spherical-unit", "first-add-trains"])
@pytest.mark.parametrize("n_lists,seed,m", [(8, None, 360), (6, 5, 360), (7, 2, 250)],
                         ids=["default_seed", "seed_5", "seed_2"])
def test_ivf_centroids_are_the_pinned_spherical_kmeans(n_lists, seed, m):
    ids, X, _ = _clustered(18, n_clusters=12, per=30, dim=16)
    X = X[:m] * np.random.default_rng(m).uniform(0.3, 3.0, size=(m, 1))   # varied norms: train on unit vectors
    want, rounds = _spherical_kmeans(X, n_lists, 0 if seed is None else seed)
    expect(rounds > 2, "(check data) k-means should take several rounds")
    kwargs = {} if seed is None else {"seed": seed}
    index = rag.VectorIndex(16, n_lists=n_lists, **kwargs)
    index.add(ids[:m], X)
    C = getattr(index, "centroids", None)
    expect(C is not None, "an IVF index keeps its k-means centroids as .centroids")
    C = np.asarray(C, dtype=float)
    assert_shape(C, (n_lists, 16), name="index.centroids", hint="one centroid per list")
    assert_close(np.linalg.norm(C, axis=1), np.ones(n_lists), rtol=1e-9, atol=1e-12, name="centroid norms",
                 hint="spherical k-means (cosine): re-normalise every centroid to unit length after each update")
    assert_close(C, want, rtol=1e-7, atol=1e-9, name="centroids",
                 hint="start from the vectors at np.random.default_rng(seed).choice(m, n_lists, replace=False), in "
                      "that order (seed defaults to 0); train on the unit vectors; each round assign every vector to "
                      "its best-scoring centroid and set each centroid to the re-normalised mean of its vectors, "
                      "until the assignments stop changing")


@check("vector_index", points=1, pins=["metric-validation"])
@pytest.mark.parametrize("metric", ["euclidean", "l2", "inner_product"])
def test_unknown_metric_raises_value_error(metric):
    try:
        index = rag.VectorIndex(4, metric=metric)
        index.add([1, 2], np.eye(4)[:2])
        index.search(np.ones(4), 1)
    except ValueError:
        return
    raise AssertionError(f"VectorIndex(4, metric={metric!r}) should raise ValueError: the metric is 'cosine' or 'dot'")


@check("vector_index", points=1, pins=["empty-and-k0", "empty-before-train", "return-types"])
def test_k_zero_and_empty_searches():
    ids, X, Q = _clustered(13, n_clusters=6, per=15, dim=10)
    q = Q[0]

    def empty(result, what):
        got_ids, got_scores = _pair(result, "search", "ids", "scores")
        expect(isinstance(got_ids, np.ndarray) and isinstance(got_scores, np.ndarray),
               f"{what}: search should return numpy arrays")
        expect(len(got_ids) == 0 and len(got_scores) == 0, f"{what}: search should return two empty arrays")
        expect(np.issubdtype(got_ids.dtype, np.integer) and got_scores.dtype == np.float64,
               f"{what}: the empty ids should be an int array and the empty scores a float64 array")

    flat = rag.VectorIndex(10)
    flat.add(ids, X)
    empty(flat.search(q, 0), "k = 0")
    ivf = rag.VectorIndex(10, n_lists=6, n_probe=1, seed=1)
    empty(ivf.search(q, 5), "an IVF index before its first add()")
    ivf.add(ids, X)
    empty(ivf.search(q, 0), "k = 0 in IVF mode")
    C = np.asarray(ivf.centroids, dtype=float)
    lists = np.argmax(_unit(X) @ C.T, axis=1)
    probed = int(np.argmax(C @ _unit(q)))
    ivf.delete(ids[lists == probed])                             # the one probed list is now empty
    empty(ivf.search(q, 5), "the only probed list has no live vector")
    dropped = rag.VectorIndex(10)
    dropped.add(ids[:4], X[:4])
    dropped.delete(ids[:4])
    empty(dropped.search(q, 3), "every vector deleted")


@check("vector_index", points=2, pins=["delete", "upsert", "upsert-moves-list", "id-once", "ties-smaller-id"])
@pytest.mark.parametrize("n_probe", [6, 1], ids=["every_list", "one_list"])
def test_ivf_upsert_moves_ids_and_deleted_ids_come_back(n_probe):
    ids, X, Q = _clustered(9, n_clusters=6, per=25, dim=12)
    rng = np.random.default_rng(90 + n_probe)
    index = rag.VectorIndex(12, n_lists=6, n_probe=n_probe, seed=4)
    index.add(ids, X)
    C = np.asarray(index.centroids, dtype=float).copy()
    lists = np.argmax(_unit(X) @ C.T, axis=1)
    X2 = X.copy()
    moved = rng.choice(len(X), 30, replace=False)                # upsert: new vectors from other clusters
    X2[moved] = X[rng.permutation(len(X))[:30]] + 0.05 * rng.normal(size=(30, 12))
    X2[moved[1]] = X2[moved[0]]                                  # two ids with the same vector: an exact tie
    index.add(ids[moved], X2[moved])
    expect(len(index) == len(ids), "an upsert in IVF mode replaces the vector: len() must not grow")
    gone = rng.choice(len(X), 12, replace=False)
    index.delete(ids[gone])
    back = gone[:5]                                              # deleted, then added again with a new vector
    X2[back] = X[rng.permutation(len(X))[:5]] + 0.05 * rng.normal(size=(5, 12))
    index.add(ids[back], X2[back])
    live = np.ones(len(X), dtype=bool)
    live[gone[5:]] = False
    expect(len(index) == int(live.sum()), "len() after delete() and adding some deleted ids again")
    lists2 = np.argmax(_unit(X2) @ C.T, axis=1)                  # every id in the list of its CURRENT vector
    for q in np.vstack([Q[:6], X2[moved[:4]], X2[back[:2]]]):
        got_ids, got_scores = _search(index, q, len(X))
        expect(len(set(got_ids.tolist())) == len(got_ids), "search returned the same id twice: an upserted id must "
               "leave its old list (every live id is in exactly one list)")
        members = live if n_probe == 6 else live & (lists2 == int(np.argmax(C @ _unit(q))))
        want_ids, want_scores = _brute(ids[members], X2[members], q, len(X))
        expect(np.array_equal(got_ids, want_ids), "IVF search after upserts and re-adds is wrong: an upserted id lives "
               "in the list of its NEW vector's best centroid, with its new vector; a deleted id added again is live")
        assert_close(got_scores, want_scores, name="scores after upserts")
    expect(not np.array_equal(lists[moved], lists2[moved]), "(check data) some upserts should change list")


@check("vector_index", points=1, pins=["no-epsilon", "ties-smaller-id"])
def test_flat_cosine_with_tiny_and_huge_norms():
    rng = np.random.default_rng(31)
    V = _dyadic(rng, 14, scales=(TINY, 1.0, HUGE))
    V[9] = V[3] * HUGE                                           # same direction, another norm: an exact tie
    ids = rng.permutation(np.arange(200, 214))
    index = rag.VectorIndex(8)
    index.add(ids, V)
    for q in (_dyadic(rng, 1)[0] * TINY, _dyadic(rng, 1)[0] * HUGE):
        exact = _exact_sims(V, q)
        order = np.lexsort((ids, -exact))[:8]
        with np.errstate(all="ignore"):
            got_ids, got_scores = _search(index, q, 8)
        assert_close(got_scores, exact[order], rtol=1e-12, atol=0, name="cosine scores for tiny and huge norms",
                     hint="no epsilon: a tiny nonzero vector keeps its direction and its true cosine similarity")
        expect(np.array_equal(got_ids, ids[order]), "ids wrong for vectors of tiny and huge norms (ties -> smaller id)")


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


def _robust(rankings, k):
    """(check data) Scores that are equal as exact fractions are sums of at most two terms (so every
    summation order gives equal floats), and unequal ones are far apart in float: the expected order
    does not depend on how a correct learner adds up the terms."""
    exact, terms = {}, Counter()
    for ranking in rankings:
        for position, doc in enumerate(ranking, start=1):
            exact[doc] = exact.get(doc, Fraction(0)) + Fraction(1, k + position)
            terms[doc] += 1
    values = sorted(set(exact.values()))
    for lo, hi in zip(values, values[1:]):
        assert float(hi - lo) > 1e-12 * float(hi), "(check data) no near-ties"
    for value in values:
        tied = [d for d in exact if exact[d] == value]
        assert len(tied) == 1 or all(terms[d] <= 2 for d in tied), "(check data) ties only of <= 2 terms"


@check("rank_fusion", points=2, pins=["rrf-formula", "tuples"])
@pytest.mark.parametrize("k", [60, 5], ids=["k60", "k5"])
def test_rrf_matches_the_formula(k):
    rng = np.random.default_rng(k)
    pool = [f"doc{i}" for i in range(40)]
    rankings = [[str(d) for d in rng.choice(pool, size=n, replace=False)] for n in (25, 12, 30)]
    _robust(rankings, k)
    result = rag.reciprocal_rank_fusion([list(r) for r in rankings], k=k)
    expect(isinstance(result, list) and all(isinstance(p, tuple) for p in result),
           "reciprocal_rank_fusion should return a list of (id, score) tuples")
    got_ids, got_scores = _fused(result)
    want_ids, want_scores = _rrf_reference(rankings, k)
    expect(sorted(got_ids) == sorted(want_ids), "every id of every ranking appears once in the result")
    assert_close(got_scores, want_scores, rtol=1e-12, atol=1e-15, name="fused scores",
                 hint="score = sum over rankings of 1 / (k + rank), rank starting at 1; best first")
    expect(got_ids == want_ids, "fused order wrong: sort by score, best first")


@check("rank_fusion", points=2, pins=["first-appearance", "rrf-formula"])
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


@check("rank_fusion", points=2, pins=["first-appearance", "exact-ties-rrf", "empty-rrf"])
def test_rrf_exact_ties_reading_order_and_near_ties():
    # ranking 1 is ranking 0 reversed: positions r and n + 1 - r tie (two terms each): 15 tied pairs
    rng = np.random.default_rng(44)
    first = [int(x) for x in rng.permutation(np.arange(100, 130))]
    rankings = [first, first[::-1]]
    _robust(rankings, 60)
    got_ids, _ = _fused(rag.reciprocal_rank_fusion([list(r) for r in rankings]))
    want_ids, _ = _rrf_reference(rankings, 60)
    expect([int(i) for i in got_ids] == want_ids, "30 ids in 15 tied pairs: each pair must come in order of first "
           "appearance (ranking 0 read top to bottom first); a non-stable sort or a sort by id breaks this")
    # x is met in ranking 1 before y is met... but y is met first in the READING order (ranking 0 first)
    rankings = [["a", "b", "y"], ["x", "c", "d"], ["y", "e", "x"]]
    _robust(rankings, 60)
    got_ids, _ = _fused(rag.reciprocal_rank_fusion([list(r) for r in rankings]))
    expect(got_ids == _rrf_reference(rankings, 60)[0], "ties -> the id met first reading ranking 0 top to bottom, "
           "then ranking 1, ...: not position by position across the rankings")
    # near-ties are not ties: 1/1004 + 1/1001 > 1/1002 + 1/1003 by about 1e-6 relative
    rankings = [["p", "y", "q", "x"], ["x", "r", "y", "s"]]
    got_ids, got_scores = _fused(rag.reciprocal_rank_fusion([list(r) for r in rankings], k=1000))
    want_ids, want_scores = _rrf_reference(rankings, 1000)
    expect(got_ids == want_ids, "scores that differ, however little, are ordered by score: ties are exact (no "
           "rounding, no tolerance)")
    assert_close(got_scores, want_scores, rtol=1e-12, atol=0, name="fused scores with k=1000")
    expect(rag.reciprocal_rank_fusion([]) == [], "no rankings give []")
    expect(rag.reciprocal_rank_fusion([[], []], k=3) == [], "only empty rankings give []")


class _FixedLexical:
    """A stand-in lexical retriever: fixed scores for one expected query."""

    def __init__(self, scores, query):
        self.scores, self.query, self.calls = np.asarray(scores, dtype=float), query, 0

    def score(self, query):
        expect(query == self.query, "hybrid_search should call lexical.score(query) with the query text")
        self.calls += 1
        return self.scores.copy()


def _hybrid_reference(lex, qv, V, k, rrf_k, n_candidates, sims=None):
    lex_rank = [i for i in sorted(range(len(lex)), key=lambda i: (-lex[i], i)) if lex[i] > 0][:n_candidates]
    sims = _unit(V) @ _unit(qv) if sims is None else sims
    vec_rank = sorted(range(len(V)), key=lambda i: (-sims[i], i))[:n_candidates]
    ids, scores = _rrf_reference([lex_rank, vec_rank], rrf_k)
    return ids[:k], scores[:k]


@check("rank_fusion", points=2, pins=["lexical-positive", "vector-every", "both-ties", "fuse-order", "call-with-query"])
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


@check("rank_fusion", points=2, pins=["both-ties", "lexical-positive", "hybrid-types", "fuse-order", "no-epsilon"])
@pytest.mark.parametrize("k,rrf_k,n_candidates", [(15, 60, 11), (40, 3, 26), (0, 60, 50)],
                         ids=["cut_in_ties", "small_rrf_k", "k_zero"])
def test_hybrid_ties_on_both_sides(k, rrf_k, n_candidates):
    rng = np.random.default_rng(70 + n_candidates)
    n = 30
    base = _dyadic(rng, 6)
    V = base[rng.integers(0, 6, size=n)] * rng.choice([TINY, 0.5, 1.0, HUGE], size=(n, 1))   # exact vector ties
    V[[4, 17]] = 0.0                                            # zero vectors score 0
    qv = base[0] * 2.0
    sims = _exact_sims(V, qv)
    lex = rng.choice([0.0, 0.0, -1.5, 1.0, 2.0, 3.0], size=n)   # integer scores (ties), zeros and NEGATIVE scores
    query = "tied {scores} on both sides?"
    lexical = _FixedLexical(lex, query)
    kwargs = {"k": k, "rrf_k": rrf_k, "n_candidates": n_candidates}
    with np.errstate(all="ignore"):
        result = rag.hybrid_search(query, qv.copy(), lexical, V.copy(), **kwargs)
    got_ids, got_scores = _fused(result, "hybrid_search")
    want_ids, want_scores = _hybrid_reference(lex, qv, V, k, rrf_k, n_candidates, sims=sims)
    if k == 0:
        expect(result == [], "k = 0 should give []")
        return
    expect(all(isinstance(p, tuple) for p in result), "hybrid_search should return a list of (doc_index, score) tuples")
    expect([int(i) for i in got_ids] == want_ids,
           "hybrid ranking wrong with ties: equal lexical scores AND equal cosine similarities (identical directions, "
           "any norm, tiny ones too) go lower index first, also where n_candidates cuts through a group of ties; a "
           "lexical score of 0 or below is not a match; fused ties go to the id met first (lexical ranking first)")
    assert_close(got_scores, want_scores, rtol=1e-12, atol=0, name="hybrid scores")


@check("rank_fusion", points=1, pins=["lexical-positive", "vector-every"])
def test_hybrid_without_any_lexical_match():
    rng = np.random.default_rng(52)
    V, qv = rng.normal(size=(9, 6)), rng.normal(size=6)
    lexical = _FixedLexical(np.zeros(9), "nothing matches")
    got_ids, got_scores = _fused(rag.hybrid_search("nothing matches", qv, lexical, V, k=4, rrf_k=2, n_candidates=9),
                                 "hybrid_search")
    sims = _unit(V) @ _unit(qv)
    want = sorted(range(9), key=lambda i: (-sims[i], i))[:4]
    expect([int(i) for i in got_ids] == want, "with no lexical match the fused ranking is the vector ranking alone")
    assert_close(got_scores, [1.0 / (2 + r) for r in range(1, 5)], rtol=1e-12, name="scores of the vector ranking "
                 "alone", hint="RRF with rrf_k=2: 1 / (2 + rank), rank from 1")


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


@check("mmr", points=2, pins=["mmr-formula", "cosine-sims", "returns-mmr"])
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


@check("mmr", points=2, pins=["first-pick", "lambda-one", "mmr-formula"])
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


@check("mmr", points=1, pins=["ties-lower", "cosine-sims", "returns-mmr"])
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


def _mmr_exact(q, D, k, lam):
    """MMR in exact fractions (cosines of dyadic vectors, lambda_ a dyadic number): ties are exact."""
    lam = Fraction(lam)
    rel = [_exact_cos(d, q) for d in D]
    sim = [[_exact_cos(a, b) for b in D] for a in D]
    picked = []
    while len(picked) < min(k, len(D)):
        def value(i):
            return rel[i] if not picked else lam * rel[i] - (1 - lam) * max(sim[i][j] for j in picked)
        candidates = [i for i in range(len(D)) if i not in picked]
        best = max(value(i) for i in candidates)
        picked.append(min(i for i in candidates if value(i) == best))
    return picked


@check("mmr", points=2, pins=["ties-lower", "first-pick", "cosine-sims"])
@pytest.mark.parametrize("lam", [0.5, 0.25, 0.75], ids=["lambda_0.5", "lambda_0.25", "lambda_0.75"])
def test_mmr_exact_ties_in_relevance_and_redundancy(lam):
    rng = np.random.default_rng(int(lam * 100))
    base = _dyadic(rng, 5)
    D = base[rng.integers(0, 5, size=14)] * rng.choice([TINY, 0.5, 1.0, 8.0, HUGE], size=(14, 1))
    D[6] = 0.0
    q = base[int(rng.integers(5))] * 4.0
    with np.errstate(all="ignore"):
        got = rag.mmr(q, D, 9, lambda_=lam)
    expect(isinstance(got, list), "mmr should return a list of indices")
    expect([int(i) for i in got] == _mmr_exact(q, D, 9, lam),
           "picks wrong with exact ties (documents in the same direction, at any norm, tiny ones too): an equal MMR "
           "value goes to the lower index, in the first pick and in every later one; cosine ignores the norms")


@check("mmr", points=1, pins=["returns-mmr"])
def test_mmr_k_zero_and_no_documents():
    rng = np.random.default_rng(5)
    D, q = rng.normal(size=(6, 4)), rng.normal(size=4)
    expect(rag.mmr(q, D, 0) == [], "k = 0 should give [] (min(k, n) = 0 picks), not the first pick")
    with np.errstate(all="ignore"):
        expect(rag.mmr(q, np.zeros((0, 4)), 3, lambda_=0.2) == [], "no documents should give []")
    got = rag.mmr(q, D, 1, lambda_=0.9)
    expect([int(i) for i in got] == [int(np.argmax(_unit(D) @ _unit(q)))], "k = 1 is the most relevant document")


# =============================================================================================
# retrieval_metrics
# =============================================================================================

@check("retrieval_metrics", points=2, pins=["recall-formula"])
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


@check("retrieval_metrics", points=2, pins=["mrr-all", "mrr-miss"])
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


@check("retrieval_metrics", points=2, pins=["ndcg-discount", "ndcg-ideal-all", "ndcg-missing"])
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


@check("retrieval_metrics", points=2, pins=["ndcg-ideal-all", "ndcg-zero"])
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
    expect(float(rag.ndcg_at_k(["a", "b"], {}, 3)) == 0.0, "with no judged document at all nDCG is 0.0")


def _ndcg_loops(retrieved, relevance, k):
    dcg = sum(relevance.get(d, 0) / math.log2(r + 1) for r, d in enumerate(retrieved[:k], start=1))
    ideal = sorted(relevance.values(), reverse=True)[:k]
    idcg = sum(g / math.log2(r + 1) for r, g in enumerate(ideal, start=1))
    return dcg / idcg if idcg > 0 else 0.0


@check("retrieval_metrics", points=2, pins=["ndcg-ideal-k", "ndcg-ideal-all"])
def test_ndcg_when_fewer_than_k_are_retrieved():
    rng = np.random.default_rng(61)
    for trial in range(8):
        judged = {f"d{i}": float(rng.integers(1, 4)) for i in range(int(rng.integers(4, 9)))}
        pool = list(judged) + [f"x{i}" for i in range(6)]
        retrieved = [str(d) for d in rng.permutation(pool)[:int(rng.integers(1, 4))]]   # 1-3 results
        k = int(rng.integers(5, 9))
        got = float(rag.ndcg_at_k(retrieved, judged, k))
        expect(abs(got - _ndcg_loops(retrieved, judged, k)) < 1e-12,
               f"nDCG@{k} with only {len(retrieved)} documents retrieved: the ideal DCG still takes the top {k} judged "
               "relevances (not the top len(retrieved))")
    got = float(rag.ndcg_at_k(["b"], {"a": 3, "b": 1}, 10))
    expect(abs(got - 1 / (3 + 1 / math.log2(3))) < 1e-12, "nDCG@10 of ['b'] with relevance {a: 3, b: 1} is "
           "1 / (3 + 1/log2(3)): the ideal ranking is [a, b], whatever was retrieved")


@check("retrieval_metrics", points=1, pins=["floats", "mrr-none", "recall-formula", "ndcg-zero"])
def test_metrics_k_zero_empty_inputs_and_float_results():
    cases = [
        ("recall_at_k(['a'], {'a'}, 0)", rag.recall_at_k(["a"], {"a"}, 0), 0.0),
        ("recall_at_k(['a'], set(), 2)", rag.recall_at_k(["a"], set(), 2), 0.0),
        ("recall_at_k([], {'a'}, 3)", rag.recall_at_k([], {"a"}, 3), 0.0),
        ("recall_at_k(['a', 'b'], {'a', 'b'}, 2)", rag.recall_at_k(["a", "b"], {"a", "b"}, 2), 1.0),
        ("ndcg_at_k(['a'], {'a': 2}, 0)", rag.ndcg_at_k(["a"], {"a": 2}, 0), 0.0),
        ("ndcg_at_k([], {'a': 2}, 3)", rag.ndcg_at_k([], {"a": 2}, 3), 0.0),
        ("ndcg_at_k(['a'], {'a': 2}, 1)", rag.ndcg_at_k(["a"], {"a": 2}, 1), 1.0),
        ("mrr([], [])", rag.mrr([], []), 0.0),
        ("mrr([[], ['a']], [{'a'}, set()])", rag.mrr([[], ["a"]], [{"a"}, set()]), 0.0),
        ("mrr([['a']], [{'a'}])", rag.mrr([["a"]], [{"a"}]), 1.0),
    ]
    for what, got, want in cases:
        expect(isinstance(got, float), f"{what} should return a float (0.0, not 0; a Python float or numpy.float64)")
        expect(got == want, f"{what} is wrong: k = 0 keeps no result, no relevant document gives 0.0, and no "
               "queries at all give 0.0")


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


def _words_plus_bos(text):
    return len(text.split()) + 3                    # a tokenizer that adds begin/end tokens to every call


def _distinct_words(text):
    return len(set(text.split()))                   # far from additive: a repeated word costs nothing


@check("build_prompt", points=2, pins=["template", "lines", "whole-prompt", "greedy-skip", "numbered-kept",
                                       "not-additive", "returns-prompt"])
@pytest.mark.parametrize("counter,budget", [(_words, 120), (_chars4, 260), (_words, 75), (len, 700),
                                            (_words_plus_bos, 110), (_distinct_words, 60)],
                         ids=["words_120", "chars_260", "words_75", "chars_700", "words_plus_bos_110", "distinct_60"])
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


@check("build_prompt", points=2, pins=["whole-prompt", "numbered-kept", "sources", "question-always"])
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


@check("build_prompt", points=1, pins=["value-error", "template"])
def test_prompt_edge_cases():
    question = "What is RAG?"
    empty = TEMPLATE.format(context="", question=question)
    prompt, sources = _prompt(rag.build_prompt(question, [], 100, _words))
    expect(prompt == empty and sources == [], "with no chunks the context is empty and sources is []")
    exact = TEMPLATE.format(context="[1] alpha beta", question=question)
    prompt, sources = _prompt(rag.build_prompt(question, ["alpha beta", "gamma"], _words(exact), _words))
    expect(sources == [0] and prompt == exact, "a prompt with exactly max_tokens tokens fits (<=, not <)")
    try:
        prompt, sources = _prompt(rag.build_prompt(question, ["alpha", "beta gamma"], _words(empty), _words))
    except ValueError:
        raise AssertionError("a budget exactly equal to the prompt without context fits (no passage, no ValueError): "
                             "raise only when the empty prompt EXCEEDS max_tokens") from None
    expect(prompt == empty and sources == [], "with a budget that fits only the empty prompt, no passage is kept")
    try:
        rag.build_prompt(question, ["alpha"], _words(empty) - 1, _words)
    except ValueError:
        return
    raise AssertionError("when even the prompt without context exceeds max_tokens, raise ValueError")


@check("build_prompt", points=2, pins=["braces", "template", "returns-prompt"])
@pytest.mark.parametrize("question", ["What does {context} mean in {0} or {{x}}?", "Plain question?"],
                         ids=["braces_in_question", "plain_question"])
def test_prompt_with_braces_in_the_question_and_chunks(question):
    chunks = ["f-strings use {name} and {0:>4}", "a lone } brace", "and a lone { brace", "{question}",
              "JSON: {\"a\": [1, 2]}", "%s and %(x)d are not placeholders either", "  padded, kept as given \n"]
    result = rag.build_prompt(question, list(chunks), 400, _words)
    expect(isinstance(result, tuple) and len(result) == 2, "build_prompt should return the tuple (prompt, sources)")
    prompt, sources = _prompt(result)
    want_prompt, want_sources = _prompt_reference(question, chunks, 400, _words)
    expect(isinstance(result[1], list) and all(isinstance(x, int) for x in result[1]), "sources should be a list of "
           "ints")
    expect(sources == want_sources and prompt == want_prompt,
           "the prompt differs with braces and padding in the question or the chunks: both are plain text, each chunk "
           "goes in exactly as given (not stripped); fill PROMPT_TEMPLATE once with format(context=..., "
           "question=...), never format a string that already holds a chunk or the question")
