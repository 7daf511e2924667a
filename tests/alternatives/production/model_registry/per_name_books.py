"""One small book per model name (stages, metadata, history); the stage table read from a list of pairs."""

_PAIRS = [("None", "Staging"), ("None", "Archived"), ("Staging", "Production"), ("Staging", "Archived"),
          ("Production", "Archived"), ("Archived", "Staging")]


class _Book:
    def __init__(self):
        self.order, self.stage, self.meta, self.history = [], {}, {}, []


class ModelRegistry:
    def __init__(self):
        self.books = {}

    def register(self, name, artifact_bytes, metadata=None):
        book = self.books.setdefault(name, _Book())
        version = hashlib.sha256(bytes(artifact_bytes)).hexdigest()
        if version not in book.stage:
            book.order.append(version)
            book.stage[version] = "None"
            book.meta[version] = {} if metadata is None else dict(metadata)
        return version

    def _book(self, name, version):
        if name not in self.books or version not in self.books[name].stage:
            raise KeyError((name, version))
        return self.books[name]

    def versions(self, name):
        return list(self.books[name].order) if name in self.books else []

    def metadata(self, name, version):
        return dict(self._book(name, version).meta[version])

    def stage(self, name, version):
        return self._book(name, version).stage[version]

    def production(self, name):
        book = self.books.get(name)
        live = [v for v in book.order if book.stage[v] == "Production"] if book else []
        return live[0] if live else None

    def transition(self, name, version, stage):
        book = self._book(name, version)
        if (book.stage[version], stage) not in _PAIRS:
            raise ValueError(f"{book.stage[version]} -> {stage} is not allowed")
        if stage == "Production":
            for v in book.order:
                if book.stage[v] == "Production":
                    book.stage[v] = "Archived"
            book.history.append(version)
        book.stage[version] = stage

    def rollback(self, name):
        book = self.books.get(name)
        if book is None or len(book.history) < 2:
            raise ValueError(f"no earlier Production version of {name}")
        for v in book.order:
            if book.stage[v] == "Production":
                book.stage[v] = "Archived"
        book.history.pop()
        book.stage[book.history[-1]] = "Production"
        return book.history[-1]
