"""Extracts the main text of every page of a folder with trafilatura (`trafilatura.extract`,
default settings) and writes one {"id", "text"} JSON line per page, the id being the file name
without `.html`, as `fynd run --emit-text` names it.

usage: python3 trafilatura_run.py FOLDER RESULTS.jsonl"""
import json
import os
import sys

import trafilatura


def main():
    folder = sys.argv[1]
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".html"):
                continue
            with open(os.path.join(folder, name), "rb") as f:
                text = trafilatura.extract(f.read()) or ""
            out.write(json.dumps({"id": name[:-len(".html")], "text": text}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
