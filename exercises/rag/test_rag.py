"""Public checks for the rag topic: the basics of each kata. `make check TOPIC=rag`.
The hidden checks (`make grade PHASE=5`) go further: random corpora against scikit-learn and
independent references, every pinned tie-break, zero vectors, invalid arguments, IVF recall,
deletes and upserts, and prompts that must fit every budget."""
import math

import numpy as np

from grader.check import assert_close, check, expect, learner

rag = learner("rag")


@check("chunk_text")
def test_chunk_example():
    expect(rag.chunk_text("abcdefghij", 4, 1) == ["abcd", "defg", "ghij"],
           "chunk_text('abcdefghij', 4, 1) should be ['abcd', 'defg', 'ghij']: starts 0, 3, 6; "
           "the chunk at 6 reaches the end, so it is the last")
    expect(rag.chunk_text("abcdefghijk", 4, 0) == ["abcd", "efgh", "ijk"], "the last chunk may be shorter")
    expect(rag.chunk_text("", 4, 1) == [], "empty text gives []")


@check("chunk_text", timeout=2)
def test_chunk_rejects_overlap_not_below_size():
    try:
        rag.chunk_text("abcdefghij", 4, 4)
    except ValueError:
        return
    raise AssertionError("overlap >= size should raise ValueError (the chunk start would never advance)")


@check("bm25")
def test_bm25_small_example():
    docs = ["the cat sat", "the dog sat on the mat", "cats and dogs"]
    got = rag.BM25Index().build(docs).score("cat")
    # only doc 0 has "cat" ("cats" is another token): n = 1, N = 3, |d0| = 3, avgdl = 12/3 = 4
    idf = math.log(1 + (3 - 1 + 0.5) / (1 + 0.5))
    want = idf * 1 * 2.5 / (1 + 1.5 * (1 - 0.75 + 0.75 * 3 / 4))
    assert_close(got, [want, 0.0, 0.0], name="score('cat')")


@check("bm25")
def test_bm25_common_term_is_not_negative():
    docs = ["the a", "the b", "the c", "d"]
    got = np.asarray(rag.BM25Index().build(docs).score("The"))
    expect(np.all(got >= 0) and np.all(got[:3] > 0), "idf = log(1 + (N - n + 0.5) / (n + 0.5)) is never negative")


@check("tfidf_matrix")
def test_tfidf_small_example():
    X, vocab = rag.tfidf_matrix(["b a", "A c!"])
    expect(list(vocab) == ["a", "b", "c"], "the vocabulary is sorted and lowercased")
    w = math.log(3 / 2) + 1                        # idf of b and c (df = 1); idf of a is 1 (df = 2)
    row0 = np.array([1.0, w, 0.0]) / math.hypot(1.0, w)
    assert_close(X, [row0, row0[[0, 2, 1]]], name="X")


@check("cosine_top_k")
def test_cosine_top_k_example():
    M = np.array([[1.0, 0.0], [0.0, 2.0], [0.0, 0.0], [2.0, 2.0]])   # rows 0 and 1: an exact tie (norms 1 and 2)
    idx, scores = rag.cosine_top_k(np.array([1.0, 1.0]), M, 3)
    expect(list(np.asarray(idx)) == [3, 0, 1], "rows 0 and 1 tie: lower index first")
    assert_close(scores, [1.0, 1 / math.sqrt(2), 1 / math.sqrt(2)], name="scores")


@check("cosine_top_k")
def test_cosine_top_k_zero_vector_is_not_nan():
    idx, scores = rag.cosine_top_k(np.array([0.0, 1.0]), np.array([[0.0, 0.0], [1.0, 0.0]]), 2)
    assert_close(scores, [0.0, 0.0], name="scores", hint="cosine with a zero vector is 0")


@check("vector_index")
def test_vector_index_add_delete_search():
    index = rag.VectorIndex(3)
    index.add([10, 11, 12], np.array([[1.0, 0, 0], [0, 1.0, 0], [1.0, 1.0, 0]]))
    ids, scores = index.search(np.array([2.0, 0.1, 0]), 2)
    expect(list(np.asarray(ids)) == [10, 12], "cosine search should return ids 10 then 12")
    index.delete([10])
    ids, _ = index.search(np.array([2.0, 0.1, 0]), 2)
    expect(10 not in list(np.asarray(ids)) and len(index) == 2, "a deleted id is never returned")


@check("vector_index")
def test_ivf_with_every_list_probed_is_exact():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(60, 5))
    index = rag.VectorIndex(5, n_lists=4, n_probe=4)
    index.add(list(range(60)), X)
    q = rng.normal(size=5)
    ids, _ = index.search(q, 5)
    sims = X @ q / np.linalg.norm(X, axis=1) / np.linalg.norm(q)
    expect(list(np.asarray(ids)) == list(np.argsort(-sims)[:5]), "n_probe == n_lists must equal brute force")


@check("rank_fusion")
def test_rrf_example():
    got = rag.reciprocal_rank_fusion([["a", "b"], ["b", "c"]], k=1)
    expect([d for d, _ in got] == ["b", "a", "c"], "b is in both rankings, so it comes first")
    assert_close([s for _, s in got], [1 / 3 + 1 / 2, 1 / 2, 1 / 3], name="scores", hint="rank starts at 1")


@check("rank_fusion")
def test_hybrid_search_example():
    class Lexical:
        def score(self, query):
            return np.array([0.0, 2.0, 1.0])
    V = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 0.2]])
    got = rag.hybrid_search("q", np.array([1.0, 0.0]), Lexical(), V, k=3, rrf_k=1)
    # lexical ranking [1, 2], vector ranking [0, 2, 1]
    expect([int(i) for i, _ in got] == [1, 2, 0], "fuse lexical [1, 2] and vector [0, 2, 1] with RRF (k=1): "
           "1/2 + 1/4 for doc 1, 1/3 + 1/3 for doc 2, 1/2 for doc 0")


@check("mmr")
def test_mmr_prefers_diversity():
    D = np.array([[1.0, 0.0], [0.99, -0.01], [0.6, 0.8]])
    expect(list(rag.mmr(np.array([1.0, 0.1]), D, 2, lambda_=0.5)) == [0, 2],
           "after doc 0, its near-duplicate doc 1 is redundant: doc 2 should be picked")
    expect(list(rag.mmr(np.array([1.0, 0.1]), D, 2, lambda_=1.0)) == [0, 1], "lambda_=1 is pure relevance")


@check("retrieval_metrics")
def test_metrics_examples():
    expect(rag.recall_at_k(["a", "b", "c"], {"c", "z"}, 3) == 0.5, "recall@3: 1 of 2 relevant found")
    expect(rag.mrr([["a", "b"], ["c"]], [{"b"}, {"c"}]) == 0.75, "MRR of ranks 2 and 1 is (1/2 + 1) / 2")
    got = rag.ndcg_at_k(["x", "a"], {"a": 1}, 2)
    expect(abs(got - 1 / math.log2(3)) < 1e-12, "one relevant document at rank 2: nDCG = 1 / log2(3)")


@check("build_prompt")
def test_build_prompt_example():
    words = lambda s: len(s.split())
    prompt, sources = rag.build_prompt("Why?", ["one two three four five six seven eight nine ten eleven", "seven"], 31, words)
    expect(words(prompt) <= 31, "the prompt must fit max_tokens")
    expect(sources == [1] and "[1] seven" in prompt, "the long first chunk does not fit, so it is skipped; "
           "the second chunk is kept and cited as [1]")
    expect(prompt.endswith("Question: Why?\nAnswer:"), "fill PROMPT_TEMPLATE exactly")
