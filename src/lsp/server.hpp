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
  // `analyser` replaces the core analysis (tests: an analysis that fails).
  Server(boost::asio::io_context& io, Sink sink, std::string version = "0.1.0", Analyser analyser = analyse_with_core);
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
  using RequestHandler = std::function<void(const json& id, json& params)>;
  using NotificationHandler = std::function<void(json& params)>;
  using Feature = std::function<Reply(const FeatureContext&)>;

  // The dispatcher. A request or notification is registered with one line in
  // the constructor; its params are decoded once into P (a protocol.hpp struct
  // with from_json), and a decoding error is answered InvalidParams naming the
  // field. bind: a Server member that needs the server's state.
  template <class P>
  void bind(std::string method, void (Server::*handler)(const json& id, const P& params)) {
    requests_[std::move(method)] = [this, handler](const json& id, json& params) {
      (this->*handler)(id, decode_params<P>(params));
    };
  }
  // (A notification's params are its own: a didOpen's text is moved, not copied.)
  template <class P>
  void bind(std::string method, void (Server::*handler)(P params)) {
    notifications_[std::move(method)] = [this, handler](json& params) { (this->*handler)(decode_params<P>(params)); };
  }
  // bind_document: a read-only feature of one document's analysis (a new
  // feature file's function), answered once the document's current version is
  // analysed. P has `text_document`; `feature` is Reply(const FeatureContext&, const P&).
  template <class P, class F>
  void bind_document(std::string method, F feature) {
    requests_[std::move(method)] = [this, feature](const json& id, json& params) {
      P decoded = decode_params<P>(params);
      std::string uri = decoded.text_document.uri;
      with_snapshot(id, uri, [feature, decoded = std::move(decoded)](const FeatureContext& context) -> Reply {
        return feature(context, decoded);
      });
    };
  }

  void handle_frame(FrameEvent event);
  void handle_request(Request request);
  void handle_notification(Notification notification);
  void handle_response(Response response);

  void send(const json& message);
  void respond(const json& id, json result);
  void respond_raw(const json& id, std::string_view result);  // `result` is JSON text
  void send_raw(std::string_view body);                       // `body` is a whole message's JSON text
  void respond_error(const json& id, ErrorCode code, std::string_view message);
  void respond_failure(const json& id);  // inside a catch block
  void log(int type, const std::string& message);  // window/logMessage
  void show(int type, const std::string& message);  // window/showMessage
  void report_settings_warnings(const std::string& source, const std::vector<std::string>& warnings);
  void finish(int code);

  // Answers now when the document's current version is analysed, else when it
  // is; an error at once when its analysis failed.
  void with_snapshot(const json& id, const std::string& uri, Feature feature);
  void answer(const json& id, const Document& document, const Snapshot& snapshot, const Feature& feature);
  void abandon_waiting(Document& document, ErrorCode code, std::string_view why);

  void schedule_analysis(Document& document, bool now);
  void submit_analysis(Document& document);
  // Publishes a full analysis's early findings while it is still the newest
  // version and nothing was published for the document yet (server.cpp).
  EarlyFindingsListener early_publisher(const AnalysisJob& job);
  void on_analysis(AnalysisResult result);
  void take_result(Document& document, AnalysisResult result);
  // Writes `changes` into the document's text and schedules its analysis, or
  // closes the document when it grew too large (`document` is gone then).
  // Throws on a bad range after resetting the document's analysis state.
  void apply_changes(Document& document, const std::vector<TextDocumentContentChangeEvent>& changes);
  void apply_held_changes(Document& document);
  void publish(Document& document);

  void request_configuration();
  void apply_configuration(const json& value);

  // Requests.
  void on_initialize(const json& id, const InitializeParams& params);
  void on_shutdown(const json& id, const Void& params);
  void on_hover(const json& id, const TextDocumentPositionParams& params);
  void on_workspace_symbol(const json& id, const WorkspaceSymbolParams& params);
  void on_code_action_resolve(const json& id, const CodeActionToResolve& params);
  void on_detect(const json& id, const DetectParams& params);                                    // detect.cpp
  void on_semantic_tokens_full(const json& id, const TextDocumentParams& params);                // semantic_tokens.cpp
  void on_semantic_tokens_range(const json& id, const SemanticTokensRangeParams& params);        // semantic_tokens.cpp
  // Notifications.
  void on_initialized(Void params);
  void on_did_open(DidOpenTextDocumentParams params);
  void on_did_change(DidChangeTextDocumentParams params);
  void on_did_close(TextDocumentParams params);
  void on_did_save(TextDocumentParams params);
  void on_did_change_configuration(DidChangeConfigurationParams params);
  void on_cancel_request(CancelParams params);

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
