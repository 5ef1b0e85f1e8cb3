// The native UDP fast path of the live DNS plane (src/dns/README.md, "Native UDP fast path").
//
// One engine per DNS plane: a UDP socket per entity address, shared by THREADS worker threads,
// each looping on epoll + recvmmsg. A plain query (QR 0, opcode 0, one uncompressed question,
// no answer or authority records, at most one OPT of version 0) whose key is in the table of
// answers installed by JavaScript is answered here: the template is copied, the asker's ID, RD
// bit and question bytes (its case) patched in, and the batch sent with sendmmsg. Every other
// datagram goes to JavaScript unchanged through a thread-safe function; JavaScript answers it
// (send) and installs the answer when it may be reused (install). The key is defined here only:
// socket, source IPv4, EDNS payload limit, DO bit, lower-cased question name, type and class.
// A new snapshot version gets a new, empty table (reset).
//
// Safety: every read of a datagram is bounded by its received length; the table is bounded in
// entries and bytes; a full queue to JavaScript drops the datagram (as a full socket buffer
// would). Linux only (epoll, recvmmsg, sendmmsg, eventfd).
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <sched.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <napi.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace {

constexpr int BATCH = 64;                 // datagrams per recvmmsg / sendmmsg
constexpr size_t MAX_DATAGRAM = 65536;    // a UDP/IPv4 payload is at most 65,507 bytes
constexpr size_t KEY_MAX = 4 + 4 + 2 + 1 + 255 + 4;
constexpr size_t SLOTS = 1 << 17;         // open addressing, load factor <= 0.5
constexpr size_t MAX_ENTRIES = SLOTS / 2;
constexpr size_t MAX_BYTES = 32u << 20;   // templates + keys of one version
constexpr size_t MAX_TEMPLATE = 1232;     // the EDNS payload arclink advertises: UDP answers never exceed it
// Datagrams waiting for JavaScript: about what the kernel's default receive buffer holds, so a
// flood of misses is dropped early instead of queued for seconds (bufferbloat).
constexpr size_t QUEUE = 2048;
constexpr size_t QUEUE_BYTES = 4u << 20;
std::atomic<size_t> queuedBytes{0};  // in this process, all engines
constexpr uint64_t STOP_TAG = ~uint64_t(0);

uint16_t be16(const uint8_t* p) { return uint16_t((p[0] << 8) | p[1]); }
void put32(uint8_t* k, uint32_t v) { memcpy(k, &v, 4); }

/**
 * The key of a plain query, or 0 when the datagram is not one (JavaScript answers it). Reads
 * only inside [p, p + n). `qend` is the offset just after the question.
 */
size_t plainQueryKey(const uint8_t* p, size_t n, uint32_t group, uint32_t ip, uint8_t* key, size_t* qend) {
  if (n < 12) return 0;
  if ((p[2] & 0x80) != 0 || ((p[2] >> 3) & 0xf) != 0) return 0;  // a response, or opcode != QUERY
  if (be16(p + 4) != 1 || be16(p + 6) != 0 || be16(p + 8) != 0) return 0;
  const uint16_t ar = be16(p + 10);
  if (ar > 1) return 0;
  put32(key, group);
  put32(key + 4, ip);
  size_t k = 11;  // after group, ip, limit (2) and DO (1)
  size_t off = 12;
  size_t wire = 1;
  for (;;) {
    if (off >= n) return 0;
    const uint8_t len = p[off];
    if (len == 0) {
      key[k++] = 0;
      off++;
      break;
    }
    if (len > 63) return 0;  // a pointer or a reserved label type
    wire += len + 1;
    if (wire > 255 || off + 1 + len > n) return 0;
    key[k++] = len;
    for (size_t i = off + 1; i < off + 1 + len; i++) {
      uint8_t c = p[i];
      key[k++] = (c >= 'A' && c <= 'Z') ? uint8_t(c + 32) : c;
    }
    off += 1 + len;
  }
  if (off + 4 > n) return 0;
  memcpy(key + k, p + off, 4);  // type and class
  k += 4;
  size_t end = off + 4;
  *qend = end;
  uint16_t limit = 0;  // 0: no EDNS (512-byte answers)
  uint8_t dnssecOk = 0;
  if (ar == 1) {
    // OPT owned by the root, version 0 [RFC 6891 §6.1.1, §6.1.3]; anything else is JavaScript's.
    if (end + 11 > n || p[end] != 0 || be16(p + end + 1) != 41 || p[end + 6] != 0) return 0;
    const uint16_t payload = be16(p + end + 3);
    limit = payload < 512 ? 512 : payload > MAX_TEMPLATE ? MAX_TEMPLATE : payload;
    dnssecOk = p[end + 7] & 0x80;
    end += 11 + size_t(be16(p + end + 9));
  }
  if (end != n) return 0;
  key[8] = uint8_t(limit >> 8);
  key[9] = uint8_t(limit);
  key[10] = dnssecOk;
  return k;
}

struct Entry {
  uint64_t hash;
  uint16_t keyLen;
  uint16_t len;     // template length
  uint16_t qend;    // question end in the template
  uint8_t data[1];  // key, then template
};

/** Encoded answers of one snapshot version, by key (open addressing, linear probing). */
struct Table {
  Table(uint32_t v, size_t max) : version(v), maxEntries(max), slots(SLOTS, nullptr) {}
  ~Table() {
    for (Entry* e : slots) free(e);
  }
  uint32_t version;
  size_t maxEntries;
  std::vector<Entry*> slots;
  size_t count = 0;
  size_t bytes = 0;

  const Entry* find(const uint8_t* key, size_t len, uint64_t h) const {
    for (size_t i = h & (SLOTS - 1);; i = (i + 1) & (SLOTS - 1)) {
      const Entry* e = slots[i];
      if (!e) return nullptr;
      if (e->hash == h && e->keyLen == len && memcmp(e->data, key, len) == 0) return e;
    }
  }
  static size_t sizeOf(size_t len, size_t tlen) { return sizeof(Entry) + len + tlen; }
  bool full(size_t size) const { return count >= maxEntries || bytes + size > MAX_BYTES; }
  bool insert(const uint8_t* key, size_t len, uint64_t h, const uint8_t* tmpl, size_t tlen, size_t qend) {
    const size_t size = sizeOf(len, tlen);
    if (full(size) || find(key, len, h)) return false;
    Entry* e = static_cast<Entry*>(malloc(size));
    if (!e) return false;
    e->hash = h;
    e->keyLen = uint16_t(len);
    e->len = uint16_t(tlen);
    e->qend = uint16_t(qend);
    memcpy(e->data, key, len);
    memcpy(e->data + len, tmpl, tlen);
    size_t i = h & (SLOTS - 1);
    while (slots[i]) i = (i + 1) & (SLOTS - 1);
    slots[i] = e;
    count++;
    bytes += size;
    return true;
  }
};

/** A datagram handed to JavaScript. */
struct Packet {
  uint32_t group;
  uint32_t ip;
  uint16_t port;
  uint32_t len;
  uint8_t data[1];
};

void CallJs(Napi::Env env, Napi::Function callback, std::nullptr_t*, Packet* packet);
using Tsfn = Napi::TypedThreadSafeFunction<std::nullptr_t, Packet, CallJs>;

class Engine;

struct Worker {
  Engine* engine = nullptr;
  int epfd = -1;
  int stopfd = -1;
  std::mutex mu;  // held while serving one round of events; writers take every worker's
  std::thread thread;
  // Not zero-filled: pages the kernel never writes are never resident.
  std::unique_ptr<uint8_t[]> in{new uint8_t[size_t(BATCH) * MAX_DATAGRAM]};
  std::unique_ptr<uint8_t[]> out{new uint8_t[size_t(BATCH) * MAX_TEMPLATE]};
  mmsghdr rmsgs[BATCH];
  iovec riov[BATCH];
  sockaddr_in rfrom[BATCH];
  mmsghdr smsgs[BATCH];
  iovec siov[BATCH];
};

class Engine : public Napi::ObjectWrap<Engine> {
 public:
  static Napi::Function Define(Napi::Env env) {
    return DefineClass(env, "UdpEngine",
                       {InstanceMethod("open", &Engine::Open), InstanceMethod("close", &Engine::Close),
                        InstanceMethod("send", &Engine::Send), InstanceMethod("install", &Engine::Install),
                        InstanceMethod("reset", &Engine::Reset), InstanceMethod("stats", &Engine::Stats),
                        InstanceMethod("destroy", &Engine::Destroy)});
  }

  // new UdpEngine(threads, onDatagram(group, ip, port, bytes), maxAnswers?)
  explicit Engine(const Napi::CallbackInfo& info) : Napi::ObjectWrap<Engine>(info) {
    Napi::Env env = info.Env();
    if (info.Length() < 2 || !info[0].IsNumber() || !info[1].IsFunction()) {
      Napi::TypeError::New(env, "UdpEngine(threads, onDatagram)").ThrowAsJavaScriptException();
      return;
    }
    int threads = info[0].As<Napi::Number>().Int32Value();
    if (threads < 1) threads = 1;
    if (threads > 16) threads = 16;
    if (info.Length() > 2 && info[2].IsNumber()) {
      const int64_t max = info[2].As<Napi::Number>().Int64Value();
      maxEntries_ = max < 1 ? 1 : max > int64_t(MAX_ENTRIES) ? MAX_ENTRIES : size_t(max);
    }
    std::random_device rd;
    seed_ = (uint64_t(rd()) << 32) ^ rd() ^ 0xcbf29ce484222325ull;
    table_ = std::make_unique<Table>(0, maxEntries_);
    tsfn_ = Tsfn::New(env, info[1].As<Napi::Function>(), "arclink-dns-udp", QUEUE, 1);
    tsfn_.Unref(env);  // the sockets do not keep the process alive on their own (the TCP listeners do)
    for (int i = 0; i < threads; i++) {
      auto w = std::make_unique<Worker>();
      w->engine = this;
      w->epfd = epoll_create1(EPOLL_CLOEXEC);
      w->stopfd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
      if (w->epfd < 0 || w->stopfd < 0) {
        Napi::Error::New(env, std::string("epoll/eventfd: ") + strerror(errno)).ThrowAsJavaScriptException();
        return;
      }
      epoll_event ev{};
      ev.events = EPOLLIN;
      ev.data.u64 = STOP_TAG;
      epoll_ctl(w->epfd, EPOLL_CTL_ADD, w->stopfd, &ev);
      workers_.push_back(std::move(w));
    }
    for (auto& w : workers_) w->thread = std::thread(&Engine::Run, this, w.get());
  }

  ~Engine() override { Shutdown(); }

 private:
  void Shutdown() {
    if (stopped_) return;
    stopped_ = true;
    for (auto& w : workers_) {
      uint64_t one = 1;
      if (w->stopfd >= 0 && write(w->stopfd, &one, 8) < 0) {
      }
    }
    for (auto& w : workers_) {
      if (w->thread.joinable()) w->thread.join();
      if (w->epfd >= 0) close(w->epfd);
      if (w->stopfd >= 0) close(w->stopfd);
    }
    for (auto& [id, fd] : groups_) close(fd);
    groups_.clear();
  }

  /** Blocks the workers between rounds (they hold their mutex while serving). */
  void LockWorkers() {
    writers_.fetch_add(1, std::memory_order_acq_rel);
    for (auto& w : workers_) w->mu.lock();
  }
  void UnlockWorkers() {
    for (auto& w : workers_) w->mu.unlock();
    writers_.fetch_sub(1, std::memory_order_acq_rel);
  }

  uint64_t Hash(const uint8_t* key, size_t len) const {
    uint64_t h = seed_;
    for (size_t i = 0; i < len; i++) h = (h ^ key[i]) * 0x100000001b3ull;
    return h ^ (h >> 29);
  }

  void Run(Worker* w) {
    epoll_event events[32];
    for (;;) {
      const uint64_t seen = closes_.load(std::memory_order_acquire);
      int n = epoll_wait(w->epfd, events, 32, -1);
      if (n < 0) {
        if (errno == EINTR) continue;
        return;
      }
      while (writers_.load(std::memory_order_acquire) != 0) sched_yield();
      std::lock_guard<std::mutex> guard(w->mu);
      // A socket was closed since epoll_wait began: its events may be stale (its descriptor even
      // reused). Poll again: epoll is level-triggered, so nothing is lost.
      if (closes_.load(std::memory_order_acquire) != seen) continue;
      for (int i = 0; i < n; i++) {
        if (events[i].data.u64 == STOP_TAG) return;
        Serve(w, int(events[i].data.u64 & 0xffffffffu), uint32_t(events[i].data.u64 >> 32));
      }
    }
  }

  /** One recvmmsg batch from a socket: hits answered here, the rest handed to JavaScript. */
  void Serve(Worker* w, int fd, uint32_t group) {
    for (int i = 0; i < BATCH; i++) {
      w->riov[i] = {w->in.get() + size_t(i) * MAX_DATAGRAM, MAX_DATAGRAM};
      w->rmsgs[i].msg_hdr = {};
      w->rmsgs[i].msg_hdr.msg_name = &w->rfrom[i];
      w->rmsgs[i].msg_hdr.msg_namelen = sizeof(sockaddr_in);
      w->rmsgs[i].msg_hdr.msg_iov = &w->riov[i];
      w->rmsgs[i].msg_hdr.msg_iovlen = 1;
      w->rmsgs[i].msg_len = 0;
    }
    int m = recvmmsg(fd, w->rmsgs, BATCH, MSG_DONTWAIT, nullptr);
    if (m <= 0) return;
    const Table* table = table_.get();
    uint8_t key[KEY_MAX];
    int k = 0;
    for (int i = 0; i < m; i++) {
      const uint8_t* p = static_cast<const uint8_t*>(w->riov[i].iov_base);
      const size_t n = w->rmsgs[i].msg_len;
      if (w->rmsgs[i].msg_hdr.msg_namelen != sizeof(sockaddr_in) || w->rfrom[i].sin_family != AF_INET) continue;
      const uint32_t ip = ntohl(w->rfrom[i].sin_addr.s_addr);
      size_t qend = 0;
      const size_t klen = (w->rmsgs[i].msg_hdr.msg_flags & MSG_TRUNC) ? 0 : plainQueryKey(p, n, group, ip, key, &qend);
      const Entry* e = klen ? table->find(key, klen, Hash(key, klen)) : nullptr;
      if (!e || e->qend != qend) {
        Pass(group, ip, ntohs(w->rfrom[i].sin_port), p, n);
        continue;
      }
      uint8_t* out = w->out.get() + size_t(k) * MAX_TEMPLATE;
      memcpy(out, e->data + e->keyLen, e->len);
      // The asker's ID, RD bit and question bytes (its case) [RFC 1035 §4.1.1, RFC 4343].
      out[0] = p[0];
      out[1] = p[1];
      out[2] = uint8_t((out[2] & ~1) | (p[2] & 1));
      memcpy(out + 12, p + 12, qend - 12);
      w->siov[k] = {out, e->len};
      w->smsgs[k].msg_hdr = {};
      w->smsgs[k].msg_hdr.msg_name = &w->rfrom[i];
      w->smsgs[k].msg_hdr.msg_namelen = sizeof(sockaddr_in);
      w->smsgs[k].msg_hdr.msg_iov = &w->siov[k];
      w->smsgs[k].msg_hdr.msg_iovlen = 1;
      k++;
    }
    hits_.fetch_add(uint64_t(k), std::memory_order_relaxed);
    for (int sent = 0; sent < k;) {
      int r = sendmmsg(fd, w->smsgs + sent, unsigned(k - sent), MSG_DONTWAIT);
      if (r <= 0) {
        if (r < 0 && errno == EINTR) continue;
        break;  // a full send buffer drops the rest, as a UDP server does
      }
      sent += r;
    }
  }

  void Pass(uint32_t group, uint32_t ip, uint16_t port, const uint8_t* p, size_t n) {
    if (queuedBytes.fetch_add(n, std::memory_order_relaxed) + n > QUEUE_BYTES) {
      queuedBytes.fetch_sub(n, std::memory_order_relaxed);
      dropped_.fetch_add(1, std::memory_order_relaxed);
      return;
    }
    Packet* packet = static_cast<Packet*>(malloc(sizeof(Packet) + n));
    if (!packet) {
      queuedBytes.fetch_sub(n, std::memory_order_relaxed);
      return;
    }
    packet->group = group;
    packet->ip = ip;
    packet->port = port;
    packet->len = uint32_t(n);
    memcpy(packet->data, p, n);
    if (tsfn_.NonBlockingCall(packet) != napi_ok) {
      queuedBytes.fetch_sub(n, std::memory_order_relaxed);
      free(packet);
      dropped_.fetch_add(1, std::memory_order_relaxed);
      return;
    }
    passed_.fetch_add(1, std::memory_order_relaxed);
  }

  static Napi::Value Fail(Napi::Env env, const char* what, const std::string& where, int error) {
    const char* code = strerrorname_np(error);
    Napi::Error e = Napi::Error::New(env, std::string(what) + " " + (code ? code : strerror(error)) + " " + where);
    e.Set("code", Napi::String::New(env, code ? code : "EIO"));
    e.Set("errno", Napi::Number::New(env, -error));
    e.ThrowAsJavaScriptException();
    return env.Undefined();
  }

  // open(host, port) → socket id: one UDP socket on host:port served by every worker.
  Napi::Value Open(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    const std::string host = info[0].As<Napi::String>().Utf8Value();
    const int port = info[1].As<Napi::Number>().Int32Value();
    const std::string where = host + ":" + std::to_string(port);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(uint16_t(port));
    if (stopped_ || port < 0 || port > 65535 || inet_pton(AF_INET, host.c_str(), &addr.sin_addr) != 1)
      return Fail(env, "bind", where, EINVAL);
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) return Fail(env, "socket", where, errno);
    int size = 4 << 20;  // as the dgram sockets had: bursts of answers do not drop on send
    setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, sizeof size);
    if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      int error = errno;
      close(fd);
      return Fail(env, "bind", where, error);
    }
    const uint32_t id = ++nextGroup_;
    groups_[id] = fd;
    for (auto& w : workers_) {
      epoll_event ev{};
      ev.events = EPOLLIN | EPOLLEXCLUSIVE;  // one worker woken per arrival, not both
      ev.data.u64 = (uint64_t(id) << 32) | uint32_t(fd);
      epoll_ctl(w->epfd, EPOLL_CTL_ADD, fd, &ev);
    }
    return Napi::Number::New(env, id);
  }

  // close(id): no worker touches the socket after this returns.
  Napi::Value Close(const Napi::CallbackInfo& info) {
    auto it = groups_.find(info[0].As<Napi::Number>().Uint32Value());
    if (it == groups_.end()) return info.Env().Undefined();
    const int fd = it->second;
    groups_.erase(it);
    for (auto& w : workers_) epoll_ctl(w->epfd, EPOLL_CTL_DEL, fd, nullptr);
    closes_.fetch_add(1, std::memory_order_acq_rel);
    LockWorkers();  // a round that saw the socket before EPOLL_CTL_DEL has ended; later ones skip it
    close(fd);
    UnlockWorkers();
    return info.Env().Undefined();
  }

  // send(id, ip, port, bytes, length) → sent
  Napi::Value Send(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    auto it = groups_.find(info[0].As<Napi::Number>().Uint32Value());
    auto bytes = info[3].As<Napi::Buffer<uint8_t>>();
    size_t len = info[4].As<Napi::Number>().Uint32Value();
    if (it == groups_.end() || len > bytes.Length()) return Napi::Boolean::New(env, false);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_addr.s_addr = htonl(info[1].As<Napi::Number>().Uint32Value());
    to.sin_port = htons(uint16_t(info[2].As<Napi::Number>().Uint32Value()));
    ssize_t r = sendto(it->second, bytes.Data(), len, MSG_DONTWAIT, reinterpret_cast<sockaddr*>(&to), sizeof to);
    return Napi::Boolean::New(env, r == ssize_t(len));
  }

  // install(id, ip, query, reply, length, version) → installed: the reply answers every later
  // query with the same key until the version changes.
  Napi::Value Install(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    const uint32_t group = info[0].As<Napi::Number>().Uint32Value();
    const uint32_t ip = info[1].As<Napi::Number>().Uint32Value();
    auto query = info[2].As<Napi::Buffer<uint8_t>>();
    auto reply = info[3].As<Napi::Buffer<uint8_t>>();
    const size_t len = info[4].As<Napi::Number>().Uint32Value();
    const uint32_t version = info[5].As<Napi::Number>().Uint32Value();
    uint8_t key[KEY_MAX];
    size_t qend = 0;
    const size_t klen = plainQueryKey(query.Data(), query.Length(), group, ip, key, &qend);
    if (!klen) return Napi::Boolean::New(env, false);
    const size_t limit = (key[8] << 8 | key[9]) ? size_t(key[8] << 8 | key[9]) : 512;
    if (len > reply.Length() || len < qend || len > limit || version != table_->version ||
        groups_.find(group) == groups_.end())
      return Napi::Boolean::New(env, false);
    const uint64_t h = Hash(key, klen);
    // A full table starts over (a flood of distinct names must not keep the answers asked
    // for most out of it until the next version): the next miss of each installs it again.
    std::unique_ptr<Table> old;
    if (table_->full(Table::sizeOf(klen, len))) {
      old = std::make_unique<Table>(version, maxEntries_);
      flushes_.fetch_add(1, std::memory_order_relaxed);
    }
    LockWorkers();
    if (old) table_.swap(old);
    const bool done = table_->insert(key, klen, h, reply.Data(), len, qend);
    UnlockWorkers();
    if (done) installed_.fetch_add(1, std::memory_order_relaxed);
    return Napi::Boolean::New(env, done);
  }

  // reset(version): a new, empty table for a new snapshot version.
  Napi::Value Reset(const Napi::CallbackInfo& info) {
    auto next = std::make_unique<Table>(info[0].As<Napi::Number>().Uint32Value(), maxEntries_);
    LockWorkers();
    table_.swap(next);
    UnlockWorkers();
    return info.Env().Undefined();  // the old table is freed here, outside the lock
  }

  Napi::Value Stats(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    Napi::Object o = Napi::Object::New(env);
    o.Set("threads", double(workers_.size()));
    o.Set("sockets", double(groups_.size()));
    o.Set("version", double(table_->version));
    o.Set("entries", double(table_->count));
    o.Set("bytes", double(table_->bytes));
    o.Set("hits", double(hits_.load()));
    o.Set("passed", double(passed_.load()));
    o.Set("dropped", double(dropped_.load()));
    o.Set("installed", double(installed_.load()));
    o.Set("flushes", double(flushes_.load()));
    return o;
  }

  Napi::Value Destroy(const Napi::CallbackInfo& info) {
    if (!stopped_) {
      Shutdown();
      tsfn_.Abort();  // queued datagrams are freed, never delivered
    }
    return info.Env().Undefined();
  }

  std::vector<std::unique_ptr<Worker>> workers_;
  std::map<uint32_t, int> groups_;  // JavaScript's thread only
  uint32_t nextGroup_ = 0;
  std::unique_ptr<Table> table_;
  uint64_t seed_ = 0;
  size_t maxEntries_ = MAX_ENTRIES;
  Tsfn tsfn_;
  bool stopped_ = false;
  std::atomic<int> writers_{0};
  std::atomic<uint64_t> closes_{0};
  std::atomic<uint64_t> hits_{0}, passed_{0}, dropped_{0}, installed_{0}, flushes_{0};
};

void CallJs(Napi::Env env, Napi::Function callback, std::nullptr_t*, Packet* packet) {
  queuedBytes.fetch_sub(packet->len, std::memory_order_relaxed);
  if (env != nullptr && callback != nullptr) {
    callback.Call({Napi::Number::New(env, packet->group), Napi::Number::New(env, packet->ip),
                   Napi::Number::New(env, packet->port), Napi::Buffer<uint8_t>::Copy(env, packet->data, packet->len)});
  }
  free(packet);
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("UdpEngine", Engine::Define(env));
  return exports;
}

}  // namespace

NODE_API_MODULE(arclink_dns_udp, Init)
