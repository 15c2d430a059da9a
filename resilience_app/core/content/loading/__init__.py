"""The pieces of the content loader (`core/content/loader.py` is its one door).

- `files`: which files are content, and their bytes, read only from ordinary files and bounded;
- `fields`: the checks of one file's fields, each problem reported at its line;
- `framework`, `indicators`, `hazards`, `glossary`, `stakeholders`: one reader per kind of file;
- `assembly`: what every file gave put together, indicators into their goals, references resolved.
"""
