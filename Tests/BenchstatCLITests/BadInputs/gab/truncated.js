window.BENCHMARK_DATA = {
  "lastUpdate": 1764860400000,
  "repoUrl": "https://github.com/example/fib",
  "entries": {
    "Rust Benchmark": [
      {
        "commit": {
          "author": {
            "email": "dev@example.com",
            "name": "Dev",
            "username": "dev"
          },
          "committer": {
            "email": "dev@example.com",
            "name": "Dev",
            "username": "dev"
          },
          "distinct": true,
          "id": "f2c217c6a9a13475a6622896b5f1057f4f621a4a",
          "message": "change 0",
          "timestamp": "2025-12-04T12:00:00.000Z",
          "tree_id": "fe18920df6f891383a8bf956a81901edab7b8eab",
          "url": "https://github.com/example/fib/commit/f2c217c6a9a13475a6622896b5f1057f4f621a4a"
        },
        "date": 1764849600000,
        "tool": "cargo",
        "benches": [
          {
            "name": "tests::fib_10",
            "value": 1294.94,
            "range": "± 1544.62",
            "unit": "ns/iter"
          },
          {
            "name": "tests::fib_20",
            "value": 157478.66,
            "range": "± 101229.62",
            "unit": "ns/iter"
          }
        ]
      },
      {
        "commit": {
          "author": {
            "email": "dev@example.com",
            "name": "Dev",
            "username": "dev"
          },
          "committer": {
            "email": "dev@example.com",
            "name": "Dev",
            "username": "dev"
          },
        