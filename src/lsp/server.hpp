// The language server proper: lifecycle, dispatch of JSON-RPC messages to the
// features, configuration, and the hand-over of analyses between the I/O
// thread (which runs everything here) and the analysis worker. Independent of
// the transport: bytes come in through receive(), frames go out through the sink.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include "lsp/analysis_worker.hpp"
#include "lsp/document_store.hpp"
#include "lsp/feature_context.hpp"
#include "lsp/framing.hpp"
#include "lsp/jsonrpc.hpp"
#include "lsp/protocol.hpp"
#include "lsp/settings.hpp"

namespace bitext::lsp {

class Server {
 public:
  using Sink = std::function<void(std::string frame)>;

  // All calls must come from the thread running `io`; the server posts
  // analysis results to it.
  Server(boost::asio::io_context& io, Sink sink, std::string version = "0.1.0");
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  void receive(std::string_view bytes);
  void end_of_input();  // EOF: the client is gone

  bool finished() const { return exit_code_ >= 0; }
  int exit_code() const { return exit_code_; }
  // Called once when the server should stop (exit notification or end of input).
  void on_exit(std::function<void(int)> callback) { on_exit_ = std::move(callback); }
  // Called on the I/O thread with each finished analysis, before anything is
  // published (for benchmarks: attributes latency to the core vs the server).
  void on_analysis_done(std::function<void(const AnalysisResult&)> observer) { analysis_observer_ = std::move(observer); }

 private:
  enum class State { Uninitialized, Running, ShutDown };
  using RequestHandler = void (Server::*)(const json& id, const json& params);
  using NotificationHandler = void (Server::*)(const json& params);
  using Feature = std::function<Reply(const FeatureContext&)>;

  void handle_frame(FrameEvent event);
  void handle_request(Request request);
  void handle_notification(Notification notification);
  void handle_response(Response response);

  void send(const json& message);
  void respond(const json& id, json result);
  void respond_raw(const json& id, std::string_view result);  // `result` is JSON text
  void send_raw(std::string_view body);                       // `body` is a whole message's JSON text
  void respond_error(const json& id, ErrorCode code, std::string_view message);
  void log(int type, const std::string& message);  // window/logMessage
  void show(int type, const std::string& message);  // window/showMessage
  void report_settings_warnings(const std::string& source, const std::vector<std::string>& warnings);
  void finish(int code);

  // Answers now when the document's current version is analysed, else when it is.
  void with_snapshot(const json& id, const json& params, Feature feature);
  void answer(const json& id, const Document& document, const Snapshot& snapshot, const Feature& feature);
  void abandon_waiting(Document& document, ErrorCode code, std::string_view why);

  void schedule_analysis(Document& document, bool now);
  void submit_analysis(Document& document);
  void on_analysis(AnalysisResult result);
  void publish(const Document& document);

  void request_configuration();
  void apply_configuration(const json& value);

  // Requests.
  void on_initialize(const json& id, const json& params);
  void on_shutdown(const json& id, const json& params);
  void on_hover(const json& id, const json& params);
  void on_definition(const json& id, const json& params);
  void on_document_highlight(const json& id, const json& params);
  void on_document_symbol(const json& id, const json& params);
  void on_workspace_symbol(const json& id, const json& params);
  void on_code_action(const json& id, const json& params);
  void on_code_action_resolve(const json& id, const json& params);
  void on_folding_range(const json& id, const json& params);
  void on_detect(const json& id, const json& params);                  // detect.cpp
  void on_semantic_tokens_full(const json& id, const json& params);    // semantic_tokens.cpp
  void on_semantic_tokens_range(const json& id, const json& params);   // semantic_tokens.cpp
  // Notifications.
  void on_initialized(const json& params);
  void on_did_open(const json& params);
  void on_did_change(const json& params);
  void on_did_close(const json& params);
  void on_did_save(const json& params);
  void on_did_change_configuration(const json& params);
  void on_cancel_request(const json& params);

  boost::asio::io_context& io_;
  Sink sink_;
  std::string version_;
  std::function<void(int)> on_exit_;
  std::function<void(const AnalysisResult&)> analysis_observer_;
  int exit_code_ = -1;

  State state_ = State::Uninitialized;
  ClientCapabilities caps_;
  Settings initial_settings_;
  Settings settings_;
  std::uint64_t generation_ = 0;  // bumped when the check options change

  FrameReader reader_;
  bool previous_frame_bad_ = false;
  DocumentStore documents_;
  std::map<std::string, std::unique_ptr<boost::asio::steady_timer>, std::less<>> debounce_timers_;
  std::int64_t next_request_id_ = 1;
  std::map<std::int64_t, std::function<void(const Response&)>> outgoing_;

  std::map<std::string, RequestHandler, std::less<>> requests_;
  std::map<std::string, NotificationHandler, std::less<>> notifications_;

  // Last: destroyed (joined) first, while the members above still exist.
  std::shared_ptr<bool> alive_;
  AnalysisWorker worker_;
};

}  // namespace bitext::lsp
