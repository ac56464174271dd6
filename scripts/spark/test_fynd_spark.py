"""Checks that fynd under Spark (local[2]) gives what a plain `fynd run` gives, document for
document, on the shipped corpus. Run by .ci/run:  python scripts/spark/test_fynd_spark.py FYND"""
import glob
import json
import os
import subprocess
import sys
import tempfile

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
fynd = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, ".build/release/fynd"))
passed, failed = 0, 0


def check(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
        print(f"ok   {name}")
    else:
        failed += 1
        print(f"FAIL {name} {detail}")


def by_id(lines, drop=("source",)):
    out = {}
    for line in lines:
        record = json.loads(line)
        out[record["id"]] = {k: v for k, v in record.items() if k not in drop}
    return out


def spark(args, workdir):
    """Runs the job with spark-submit in local mode (2 cores); returns its status and result lines."""
    out = os.path.join(workdir, "out")
    submit = os.path.join(os.path.dirname(sys.executable), "spark-submit")
    command = [submit, "--master", "local[2]", os.path.join(root, "scripts/spark/fynd_spark.py"), *args, out, "--fynd", fynd]
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable, SPARK_LOCAL_IP="127.0.0.1")
    result = subprocess.run(command, env=env, capture_output=True, text=True, cwd=root)
    if result.returncode != 0:
        print(result.stderr[-3000:])
    lines = []
    for part in sorted(glob.glob(os.path.join(out, "part-*"))):
        with open(part, encoding="utf-8") as f:
            lines += [line for line in f.read().split("\n") if line]
    return result.returncode, lines


with tempfile.TemporaryDirectory() as tmp:
    # 1. JSONL: the shipped corpus as one document per line, in 3 partitions.
    corpus = os.path.join(tmp, "corpus.jsonl")
    with open(corpus, "w", encoding="utf-8") as f:
        for path in sorted(glob.glob(os.path.join(root, "corpus/seeds/*.txt")) + glob.glob(os.path.join(root, "corpus/articles/*.txt"))
                           + glob.glob(os.path.join(root, "corpus/html/*.html"))):
            name = os.path.basename(path)
            key = "html" if name.endswith(".html") else "text"
            with open(path, encoding="utf-8") as g:
                f.write(json.dumps({"id": name.rsplit(".", 1)[0], key: g.read()}, ensure_ascii=False) + "\n")
    plain = subprocess.run([fynd, "run", corpus], capture_output=True, text=True, check=True).stdout.split("\n")
    plain = by_id([l for l in plain if l])
    parquet = os.path.join(tmp, "parquet")
    status, lines = spark([corpus, "--partitions", "3", "--parquet", parquet], os.path.join(tmp, "jsonl"))
    check("spark job over JSONL exits 0", status == 0)
    check("Parquet written", len(glob.glob(os.path.join(parquet, "part-*.parquet"))) > 0)
    check("one line per document", len(lines) == len(plain), f"{len(lines)} != {len(plain)}")
    result = by_id(lines)
    check("same documents", set(result) == set(plain))
    same = [i for i in plain if result.get(i) == plain[i]]
    check("same result for every document (all fields but source)", len(same) == len(plain),
          f"differ: {sorted(set(plain) - set(same))}")

    # 2. Text files: a folder of .txt files, each file a document, against `fynd run` on the folder.
    plain_dir = subprocess.run([fynd, "run", os.path.join(root, "corpus/articles")], capture_output=True, text=True, check=True).stdout
    plain_dir = by_id([l for l in plain_dir.split("\n") if l], drop=("source", "sha256", "metadata"))
    status, lines = spark(["--text", os.path.join(root, "corpus/articles/*.txt")], os.path.join(tmp, "text"))
    check("spark job over text files exits 0", status == 0)
    result = by_id(lines, drop=("source", "sha256", "metadata"))
    check("text files: same documents and results", result == plain_dir,
          f"differ: {sorted(i for i in plain_dir if result.get(i) != plain_dir[i])}")

print(f"spark: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
