{
  "targets": [
    {
      "target_name": "mapped_file",
      "sources": ["native/mapped-file.c"],
      "cflags": ["-O2", "-Wall", "-Wextra"]
    }
  ]
}
