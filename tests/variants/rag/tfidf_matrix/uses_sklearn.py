"""Calls sklearn's TfidfVectorizer, the banned shortcut."""
from sklearn.feature_extraction.text import TfidfVectorizer


def tfidf_matrix(docs):
    vec = TfidfVectorizer(token_pattern=r"[a-z0-9]+")
    X = vec.fit_transform(docs).toarray()
    return X, list(vec.get_feature_names_out())
