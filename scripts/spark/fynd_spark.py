"""Run fynd over a document archive with Apache Spark.

Each partition of the archive is piped, as JSONL, through the `fynd run -` binary on the
executor; its JSONL results are written as text part files (and as Parquet with --parquet).
fynd keeps the order of the documents within a partition, and every document gives exactly one
result line, so the output holds one line per input document.

    spark-submit --master local[2] --files .build/release/fynd scripts/spark/fynd_spark.py \
        archive.jsonl out/

The input is a JSONL file or folder of JSONL files (one document per line: {"id", "text"} or
{"id", "html"}), or with --text a folder of .txt/.html files (each file one document). Any
Hadoop-supported URI works (hdfs://, s3a://, file://). See docs/spark.md.
"""
import argparse
import json
import os
import posixpath
import shutil
import subprocess
import threading


def fynd_binary(explicit):
    """The fynd binary on this machine: --fynd, the file shipped with --files, or PATH."""
    if explicit:
        return explicit
    try:
        from pyspark import SparkFiles
        shipped = SparkFiles.get("fynd")
        if os.path.isfile(shipped):
            return shipped
    except Exception:
        pass
    found = shutil.which("fynd")
    if not found:
        raise RuntimeError("no fynd binary: ship it with --files path/to/fynd, put it on PATH, or pass --fynd")
    return found


def pipe_through_fynd(lines, binary, extra_args):
    """Streams one partition's JSONL lines through `fynd run -` and yields its result lines."""
    process = subprocess.Popen([binary, "run", "-", *extra_args], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    errors = []

    def feed():
        try:
            for line in lines:
                process.stdin.write(line.encode("utf-8") + b"\n")
        except BrokenPipeError:
            pass
        finally:
            process.stdin.close()

    def drain_stderr():
        errors.append(process.stderr.read().decode("utf-8", "replace"))

    writer = threading.Thread(target=feed, daemon=True)
    reader = threading.Thread(target=drain_stderr, daemon=True)
    writer.start()
    reader.start()
    for out in process.stdout:
        yield out.decode("utf-8").rstrip("\n")
    writer.join()
    reader.join()
    # Exit status 1 means that every document of the partition failed: their error records are
    # still results. Anything else is a real failure.
    if process.wait() not in (0, 1):
        raise RuntimeError(f"fynd failed with status {process.returncode}: {''.join(errors)[-2000:]}")


def text_file_to_jsonl(path_and_content):
    path, content = path_and_content
    name = posixpath.basename(path)
    stem = name.rsplit(".", 1)[0] if "." in name[1:] else name
    key = "html" if name.lower().endswith((".html", ".htm", ".xhtml")) else "text"
    return json.dumps({"id": stem, key: content, "path": path}, ensure_ascii=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="JSONL file or folder (or, with --text, a folder of .txt/.html files); any Hadoop URI")
    parser.add_argument("output", help="folder for the JSONL result part files")
    parser.add_argument("--text", action="store_true", help="the input is a folder of text and HTML files, one document each")
    parser.add_argument("--parquet", metavar="DIR", help="also write the results as Parquet to DIR")
    parser.add_argument("--fynd", metavar="PATH", help="path of the fynd binary on the executors (default: shipped with --files, else PATH)")
    parser.add_argument("--partitions", type=int, help="number of partitions to pipe through fynd")
    parser.add_argument("--fynd-arg", action="append", default=[], help="an extra argument for `fynd run` (repeatable), e.g. --fynd-arg=--jobs=2")
    args = parser.parse_args()

    from pyspark.sql import SparkSession
    spark = SparkSession.builder.appName("fynd").getOrCreate()
    sc = spark.sparkContext
    if args.text:
        documents = sc.wholeTextFiles(args.input).map(text_file_to_jsonl)
    else:
        documents = sc.textFile(args.input).filter(lambda line: line.strip() != "")
    if args.partitions:
        documents = documents.repartition(args.partitions) if args.text else documents.coalesce(args.partitions) \
            if args.partitions < documents.getNumPartitions() else documents.repartition(args.partitions)
    binary, extra = args.fynd, list(args.fynd_arg)
    results = documents.mapPartitions(lambda lines: pipe_through_fynd(lines, fynd_binary(binary), extra))
    results.cache()
    results.saveAsTextFile(args.output)
    if args.parquet:
        spark.read.json(results).write.mode("overwrite").parquet(args.parquet)
    count = results.count()
    print(f"fynd_spark: {count} documents written to {args.output}" + (f" and {args.parquet}" if args.parquet else ""))
    spark.stop()


if __name__ == "__main__":
    main()
