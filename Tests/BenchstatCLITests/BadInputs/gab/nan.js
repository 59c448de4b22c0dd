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
            "value": NaN,
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
          "distinct": true,
          "id": "d7ef49bfc3dc5a5f3b9ddbb695823499b7910918",
          "message": "change 1",
          "timestamp": "2025-12-04T13:00:00.000Z",
          "tree_id": "9a1df97879a25ff71c9c74d7a7d085c9d485357c",
          "url": "https://github.com/example/fib/commit/d7ef49bfc3dc5a5f3b9ddbb695823499b7910918"
        },
        "date": 1764853200000,
        "tool": "cargo",
        "benches": [
          {
            "name": "tests::fib_10",
            "value": 1213.79,
            "range": "± 1512.97",
            "unit": "ns/iter"
          },
          {
            "name": "tests::fib_20",
            "value": 186346.25,
            "range": "± 119732.82",
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
          "distinct": true,
          "id": "fb61066817d1e0fb8c7906300c02c247559f9bb5",
          "message": "change 2",
          "timestamp": "2025-12-04T14:00:00.000Z",
          "tree_id": "64d56fa4ae306703015996cd8ac31fa6805273d9",
          "url": "https://github.com/example/fib/commit/fb61066817d1e0fb8c7906300c02c247559f9bb5"
        },
        "date": 1764856800000,
        "tool": "cargo",
        "benches": [
          {
            "name": "tests::fib_10",
            "value": 1596.53,
            "range": "± 1213.91",
            "unit": "ns/iter"
          },
          {
            "name": "tests::fib_20",
            "value": 158717.53,
            "range": "± 140871.57",
            "unit": "ns/iter"
          }
        ]
      }
    ]
  }
}