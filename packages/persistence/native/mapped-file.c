/*
 * Maps the start of an open file into memory, read-only and shared, as an ArrayBuffer: reading it
 * sees other processes' writes to the file with no system call. Used for SQLite's WAL-index header
 * (`<database>-shm`), which SQLite itself maps the same way; see src/wal-index-header.ts.
 *
 * N-API only, so one build loads under every Node.js version the project runs on.
 */
#define NAPI_VERSION 8
#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <node_api.h>

/* mapShared(fd, length): an external ArrayBuffer over the file's first `length` bytes. */
static napi_value map_shared(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  int32_t fd;
  int64_t length;
  napi_value buffer;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 2 ||
      napi_get_value_int32(env, argv[0], &fd) != napi_ok || napi_get_value_int64(env, argv[1], &length) != napi_ok ||
      fd < 0 || length <= 0) {
    napi_throw_type_error(env, NULL, "mapShared(fd, length) takes a descriptor and a positive length");
    return NULL;
  }
  void *address = mmap(NULL, (size_t)length, PROT_READ, MAP_SHARED, fd, 0);
  if (address == MAP_FAILED) {
    napi_throw_error(env, NULL, strerror(errno));
    return NULL;
  }
  /* No finalizer: the mapping is given back by unmap(), never left to the garbage collector. */
  if (napi_create_external_arraybuffer(env, address, (size_t)length, NULL, NULL, &buffer) != napi_ok) {
    munmap(address, (size_t)length);
    napi_throw_error(env, NULL, "could not wrap the mapping in an ArrayBuffer");
    return NULL;
  }
  return buffer;
}

/* unmap(buffer): detaches the ArrayBuffer (its views read as empty from then on), then unmaps. */
static napi_value unmap(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  void *address;
  size_t length;
  bool detached;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 1 ||
      napi_get_arraybuffer_info(env, argv[0], &address, &length) != napi_ok) {
    napi_throw_type_error(env, NULL, "unmap(buffer) takes a buffer from mapShared");
    return NULL;
  }
  if (napi_is_detached_arraybuffer(env, argv[0], &detached) != napi_ok || detached) return NULL;
  if (napi_detach_arraybuffer(env, argv[0]) != napi_ok) {
    napi_throw_error(env, NULL, "could not detach the mapping's ArrayBuffer");
    return NULL;
  }
  if (address != NULL && length > 0) munmap(address, length);
  return NULL;
}

static napi_value init(napi_env env, napi_value exports) {
  napi_property_descriptor properties[] = {
      {"mapShared", NULL, map_shared, NULL, NULL, NULL, napi_default, NULL},
      {"unmap", NULL, unmap, NULL, NULL, NULL, napi_default, NULL},
  };
  napi_define_properties(env, exports, 2, properties);
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
