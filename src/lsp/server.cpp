#include "lsp/server.hpp"

#include <exception>

#include <boost/asio/post.hpp>

#include "lsp/code_actions.hpp"
#include "lsp/diagnostics.hpp"
#include "lsp/folding.hpp"
#include "lsp/heap.hpp"
#include "lsp/hover.hpp"
#include "lsp/label_speakers_action.hpp"
#include "lsp/navigation.hpp"
#include "lsp/semantic_tokens.hpp"
#include "lsp/speaker_completion.hpp"
#include "lsp/speaker_rename.hpp"
#include "lsp/speaker_symbols.hpp"
#include "lsp/symbols.hpp"

namespace bitext::lsp {
namespace {

constexpr int kLogError = 1;
constexpr int kLogWarning = 2;
// Messages from this size on (a document's text, a huge id) leave freed memory
// worth returning to the system.
constexpr std::size_t kLargeMessageBytes = std::size_t{1} << 20;

// The LSP DocumentSymbol/SymbolInformation text for a snapshot, cached per
// snapshot: editors ask for the outline again on every focus or breadcrumb
// refresh, mostly for a version they already have.
Reply outline(const FeatureContext& context, const TextDocumentParams&) {
  std::string key = "documentSymbol " + std::string(encoding_name(context.caps.encoding)) +
                    (context.caps.hierarchical_symbols ? " tree " : " flat ") + context.uri;
  return RawJson{context.snapshot.memo<std::string>(key, [&] {
    return document_symbols_text(context.uri, context.transcript(), context.index(), context.caps.encoding,
                                 context.caps.hierarchical_symbols);
  })};
}

// Cached per snapshot like the outline: asked for again after every change and focus.
Reply folding(const FeatureContext& context, const TextDocumentParams&) {
  return RawJson{context.snapshot.memo<std::string>("foldingRange",
                                                    [&] { return serialize(folding_ranges(context.transcript(), context.index())); })};
}

}  // namespace

Server::Server(boost::asio::io_context& io, Sink sink, std::string version, Analyser analyser)
    : io_(io),
      sink_(std::move(sink)),
      version_(std::move(version)),
      alive_(std::make_shared<bool>(true)),
      worker_([this, alive = std::weak_ptr<bool>(alive_)](AnalysisResult result) {
        // Runs on the worker thread: hand the result to the I/O thread.
        boost::asio::post(io_, [this, alive, result = std::move(result)]() mutable {
          if (alive.lock()) on_analysis(std::move(result));
        });
      }, std::move(analyser)) {
  // Requests and notifications: one line each (see bind in server.hpp).
  bind("initialize", &Server::on_initialize);
  bind("shutdown", &Server::on_shutdown);
  bind("textDocument/hover", &Server::on_hover);
  bind_document<TextDocumentPositionParams>(
      "textDocument/definition",
      [](const FeatureContext& context, const TextDocumentPositionParams& p) -> Reply { return definition(context, p.position); });
  bind_document<TextDocumentPositionParams>(
      "textDocument/documentHighlight", [](const FeatureContext& context, const TextDocumentPositionParams& p) -> Reply {
        return document_highlight(context, p.position);
      });
  bind_document<TextDocumentParams>("textDocument/documentSymbol", &outline);
  bind_document<CodeActionParams>("textDocument/codeAction",
                                  [this](const FeatureContext& context, const CodeActionParams& p) -> Reply {
                                    return code_actions(context, p, settings_.speaker_label_style);
                                  });
  bind("codeAction/resolve", &Server::on_code_action_resolve);
  bind_document<TextDocumentParams>("textDocument/foldingRange", &folding);
  bind("workspace/symbol", &Server::on_workspace_symbol);
  bind_document<TextDocumentPositionParams>("textDocument/prepareRename", &prepare_rename);  // speaker_rename.cpp
  bind_document<RenameParams>("textDocument/rename", &rename);                               // speaker_rename.cpp
  bind_document<TextDocumentPositionParams>("textDocument/completion", &speaker_completion); // speaker_completion.cpp
  bind("bitext/detect", &Server::on_detect);                                          // detect.cpp
  bind("textDocument/semanticTokens/full", &Server::on_semantic_tokens_full);        // semantic_tokens.cpp
  bind("textDocument/semanticTokens/range", &Server::on_semantic_tokens_range);      // semantic_tokens.cpp

  bind("initialized", &Server::on_initialized);
  bind("textDocument/didOpen", &Server::on_did_open);
  bind("textDocument/didChange", &Server::on_did_change);
  bind("textDocument/didClose", &Server::on_did_close);
  bind("textDocument/didSave", &Server::on_did_save);
  bind("workspace/didChangeConfiguration", &Server::on_did_change_configuration);
  bind("$/cancelRequest", &Server::on_cancel_request);
}

Server::~Server() {
  alive_.reset();
  worker_.stop();
}

// ---- input ----------------------------------------------------------------

void Server::receive(std::string_view bytes) {
  if (finished()) return;
  reader_.feed(bytes);
  while (!finished()) {
    auto event = reader_.next();
    if (!event) break;
    handle_frame(std::move(*event));
  }
}

void Server::end_of_input() {
  if (finished()) return;
  reader_.feed_eof();
  while (!finished()) {
    auto event = reader_.next();
    if (!event) break;
    handle_frame(std::move(*event));
  }
  // A client that goes away without "exit": stop cleanly all the same.
  finish(state_ == State::ShutDown ? 0 : 1);
}

void Server::handle_frame(FrameEvent event) {
  if (auto* body = std::get_if<FrameBody>(&event)) {
    previous_frame_bad_ = false;
    const bool large = body->body.size() >= kLargeMessageBytes;
    Incoming incoming = parse_message(body->body);
    std::string().swap(body->body);  // the parsed message holds what is needed now
    // A document's text arrives as megabytes of JSON: that memory goes back to
    // the system before the analysis, which allocates on its own threads'
    // heaps and could not reuse it (the document's peak would be both).
    if (large) release_freed_memory();
    if (auto* invalid = std::get_if<Invalid>(&incoming)) {
      previous_frame_bad_ = invalid->code == ErrorCode::ParseError;
      respond_error(invalid->id, invalid->code, invalid->message);
    } else if (auto* request = std::get_if<Request>(&incoming)) {
      handle_request(std::move(*request));
    } else if (auto* notification = std::get_if<Notification>(&incoming)) {
      handle_notification(std::move(*notification));
    } else {
      handle_response(std::get<Response>(std::move(incoming)));
    }
    // A large message's memory goes back to the system once the server has
    // been idle for a while after handling it.
    if (large) worker_.release_memory_when_idle();
    return;
  }
  const FrameError& error = std::get<FrameError>(event);
  json id = salvage_id(error.body_prefix);
  bool trailing_junk = previous_frame_bad_ && error.kind == FrameError::Kind::MissingHeader && id.is_null();
  previous_frame_bad_ = true;
  if (error.kind == FrameError::Kind::TruncatedAtEof || trailing_junk) return;  // nobody to answer / already answered
  ErrorCode code = error.kind == FrameError::Kind::TooLarge ? ErrorCode::InvalidRequest : ErrorCode::ParseError;
  respond_error(id, code, error.detail);
}

// The error reply for the exception being handled: the handler's own code, a
// parameter that did not decode, or anything else as an internal error.
void Server::respond_failure(const json& id) {
  try {
    throw;
  } catch (const RpcError& e) {
    respond_error(id, e.code(), e.what());
  } catch (const json::exception& e) {
    respond_error(id, ErrorCode::InvalidParams, std::string("invalid params: ") + e.what());
  } catch (const std::exception& e) {
    respond_error(id, ErrorCode::InternalError, std::string("internal error: ") + e.what());
  }
}

void Server::handle_request(Request request) {
  const json& id = request.id;
  try {
    if (state_ == State::Uninitialized && request.method != "initialize") {
      respond_error(id, ErrorCode::ServerNotInitialized, "the server has not been initialized");
      return;
    }
    if (state_ == State::ShutDown) {
      respond_error(id, ErrorCode::InvalidRequest, "the server is shutting down");
      return;
    }
    auto handler = requests_.find(request.method);
    if (handler == requests_.end()) {
      respond_error(id, ErrorCode::MethodNotFound, "method not found: " + request.method);
      return;
    }
    handler->second(id, request.params);
  } catch (const std::exception&) {
    respond_failure(id);
  }
}

void Server::handle_notification(Notification notification) {
  if (notification.method == "exit") {
    finish(state_ == State::ShutDown ? 0 : 1);
    return;
  }
  if (state_ != State::Running) return;  // dropped before initialize and after shutdown
  auto handler = notifications_.find(notification.method);
  if (handler == notifications_.end()) return;  // $/setTrace, $/progress, ...: ignored
  try {
    handler->second(notification.params);
  } catch (const std::exception& e) {
    log(kLogError, notification.method + ": " + e.what());
  }
}

void Server::handle_response(Response response) {
  if (!response.id.is_number_integer()) return;
  auto it = outgoing_.find(response.id.get<std::int64_t>());
  if (it == outgoing_.end()) return;
  auto callback = std::move(it->second);
  outgoing_.erase(it);
  try {
    callback(response);
  } catch (const std::exception& e) {
    log(kLogError, std::string("handling a response: ") + e.what());
  }
}

// ---- output ---------------------------------------------------------------

void Server::send(const json& message) { sink_(frame_message(serialize(message))); }

void Server::respond(const json& id, json result) { send(make_response(id, std::move(result))); }

void Server::send_raw(std::string_view body) { sink_(frame_message(body)); }

void Server::respond_raw(const json& id, std::string_view result) {
  // make_response's keys, in the order serialize() writes them.
  std::string body = "{\"id\":" + serialize(id) + ",\"jsonrpc\":\"2.0\",\"result\":";
  body.reserve(body.size() + result.size() + 1);
  body.append(result);
  body.push_back('}');
  send_raw(body);
}

void Server::respond_error(const json& id, ErrorCode code, std::string_view message) {
  send(make_error(id, code, message));
}

void Server::log(int type, const std::string& message) {
  send(make_notification("window/logMessage", {{"type", type}, {"message", "bitext: " + message}}));
}

void Server::show(int type, const std::string& message) {
  send(make_notification("window/showMessage", {{"type", type}, {"message", "bitext: " + message}}));
}

void Server::report_settings_warnings(const std::string& source, const std::vector<std::string>& warnings) {
  for (const std::string& warning : warnings) {
    if (shown_to_user(warning)) {
      show(kLogWarning, source + ": " + warning);
    } else {
      log(kLogWarning, source + ": " + warning);
    }
  }
}

void Server::finish(int code) {
  if (finished()) return;
  exit_code_ = code;
  for (auto& [uri, timer] : debounce_timers_) timer->cancel();
  if (on_exit_) on_exit_(code);
}

// ---- snapshots and analysis -----------------------------------------------

void Server::answer(const json& id, const Document& document, const Snapshot& snapshot, const Feature& feature) {
  try {
    FeatureContext context{document.uri, snapshot, caps_};
    Reply reply = feature(context);
    if (auto* raw = std::get_if<RawJson>(&reply)) {
      respond_raw(id, *raw->text);
    } else {
      respond(id, std::get<json>(std::move(reply)));
    }
  } catch (const std::exception&) {
    respond_failure(id);
  }
}

void Server::with_snapshot(const json& id, const std::string& uri, Feature feature) {
  Document* document = documents_.find(uri);
  if (document == nullptr) throw RpcError(ErrorCode::InvalidParams, "document is not open: " + uri);
  if (document->current) {
    answer(id, *document, *document->current, feature);
    return;
  }
  if (document->failure) {
    // Nothing will analyse this version again until it changes: answer now.
    respond_error(id, ErrorCode::InternalError, "analysis failed: " + *document->failure);
    return;
  }
  document->waiting.push_back(WaitingRequest{id, [this, id, document, feature = std::move(feature)](const Snapshot& s) {
                                                answer(id, *document, s, feature);
                                                return json();
                                              }});
}

void Server::abandon_waiting(Document& document, ErrorCode code, std::string_view why) {
  auto waiting = std::move(document.waiting);
  document.waiting.clear();
  for (const WaitingRequest& request : waiting) respond_error(request.id, code, why);
}

void Server::schedule_analysis(Document& document, bool now) {
  auto& timer = debounce_timers_[document.uri];
  if (!timer) timer = std::make_unique<boost::asio::steady_timer>(io_);
  timer->cancel();
  if (now || settings_.debounce.count() == 0) {
    submit_analysis(document);
    return;
  }
  timer->expires_after(settings_.debounce);
  timer->async_wait([this, uri = document.uri, serial = document.serial, alive = std::weak_ptr<bool>(alive_)](
                        const boost::system::error_code& error) {
    if (error || !alive.lock() || finished()) return;
    Document* target = documents_.find(uri);
    if (target != nullptr && target->serial == serial) submit_analysis(*target);
  });
}

void Server::submit_analysis(Document& document) {
  if (!document.held_changes.empty()) return;  // analysed once they are written (apply_held_changes)
  AnalysisJob job;
  job.uri = document.uri;
  job.serial = document.serial;
  job.revision = document.revision;
  job.version = document.version;
  job.generation = generation_;
  job.text = document.text.shared_text();  // no copy: changes wait while the job reads it (held_changes)
  job.options = settings_.check;
  job.options.document_name = document.uri;  // its layout (extension) and the language tags in its name
  job.edit = document.edit_since_base();
  if (job.edit) job.base = document.base;
  if (job.base && &job.base->text() == &document.text.text()) {
    // The edits since were written into the buffer the base analysed.
    job.written_over = document.text.written_over();
    if (!job.written_over) job.base.reset(), job.edit.reset();  // (cannot happen: then analysed afresh)
  }
  job.edited_from = document.text.edited_from();
  if (const std::shared_ptr<const std::string> from = job.edited_from.lock())
    job.known_ends = document.text.known_ends_from(*from).value_or(CommonEnds{});
  job.base_revision = document.base_revision;
  job.edits = document.edits;
  // As rust-analyzer shows its own diagnostics before cargo check's: a large
  // document just opened shows its structure's findings, then those of its
  // first pairs as the content checks pass them (each list holding the one
  // before), before the analysis ends. Never once anything was published (a
  // settings change or a retry after a failure): the content findings shown
  // would vanish and come back. Not when there are none (early_publisher).
  if (!job.edit && !document.current) job.on_early = early_publisher(job);
  if (!worker_.submit(std::move(job))) ++document.jobs_pending;
}

EarlyFindingsListener Server::early_publisher(const AnalysisJob& job) {
  return [this, alive = std::weak_ptr<bool>(alive_), uri = job.uri, serial = job.serial, revision = job.revision,
          version = job.version, generation = job.generation, encoding = caps_.encoding,
          related = caps_.related_information](const EarlyFindings& early) {
    // An empty list says nothing a client does not show already, and would
    // read as "no problems" until the content findings come.
    if (early.findings.empty()) return;
    // Written here, on the worker: the findings' line index lives only during
    // the call. A failure to write it must not fail the analysis: the full
    // list comes anyway.
    std::string body = R"({"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":)";
    try {
      append_early_publish_diagnostics(body, uri, version, early, encoding, related);
    } catch (const std::exception&) {
      return;
    }
    body.push_back('}');
    boost::asio::post(io_, [this, alive, uri, serial, revision, generation, body = std::move(body)]() mutable {
      if (!alive.lock() || finished()) return;
      const Document* document = documents_.find(uri);
      // A newer edit, a reopening or new settings make it stale; the finished
      // analysis is always posted after it, so it never replaces that.
      if (document == nullptr || document->serial != serial || document->revision != revision ||
          !document->held_changes.empty() || generation != generation_ || document->current)
        return;
      sink_(frame_in_place(std::move(body)));
    });
  };
}

void Server::on_analysis(AnalysisResult result) {
  if (finished()) return;
  if (analysis_observer_) analysis_observer_(result);
  Document* document = documents_.find(result.uri);
  if (document == nullptr || document->serial != result.serial) return;
  if (document->jobs_pending > 0) --document->jobs_pending;
  take_result(*document, std::move(result));
  if (document->jobs_pending == 0 && !document->held_changes.empty()) apply_held_changes(*document);
}

void Server::take_result(Document& document, AnalysisResult result) {
  if (result.generation != generation_) return;
  // With changes held, this text is not the client's: the result is of an old version.
  const bool newest = result.revision == document.revision && document.held_changes.empty();
  if (!result.snapshot) {
    log(kLogError, "analysis of " + result.uri + " failed: " + result.error);
    if (result.incremental) {
      // The re-analysis from the previous version failed: once more from scratch.
      document.forget_base();
      if (newest) schedule_analysis(document, true);
      return;
    }
    if (newest) {
      document.failure = result.error;
      abandon_waiting(document, ErrorCode::InternalError, "analysis failed: " + result.error);
    }
    return;
  }
  // The versions this result replaces are freed by the worker, after
  // publishing: destroying a large analysis takes milliseconds.
  struct Replaced {
    std::shared_ptr<const Analysis> base;
    std::shared_ptr<const Snapshot> latest, current;
  };
  auto replaced = std::make_shared<Replaced>(Replaced{document.base, document.latest, document.current});
  struct DisposeAtExit {
    AnalysisWorker& worker;
    std::shared_ptr<Replaced>& replaced;
    ~DisposeAtExit() { worker.dispose(std::move(replaced)); }
  } dispose_at_exit{worker_, replaced};
  document.rebase(result.snapshot->analysis_ptr(), result.revision);
  // No edit wrote into a buffer while a job held it: when the new base read
  // the document's buffer, the buffer is still the text it read.
  if (document.base == result.snapshot->analysis_ptr() && &document.base->text() == &document.text.text())
    document.text.analysed_as_is();
  // Kept even when edits came in meanwhile: while the user types, every
  // result is of an old version, and hovers on lines the later edits did not
  // touch are answered from the newest one (on_hover).
  if (!document.latest || result.revision >= document.latest_revision) {
    document.latest = result.snapshot;
    document.latest_revision = result.revision;
    document.latest_written_over = false;
  }
  if (!newest) {  // an old version: never published
    document.published.passed_over(result.snapshot->analysis());
    return;
  }
  document.current = result.snapshot;
  publish(document);
  auto waiting = std::move(document.waiting);
  document.waiting.clear();
  for (const WaitingRequest& request : waiting) request.answer(*result.snapshot);
}

void Server::publish(Document& document) {
  FeatureContext context{document.uri, *document.current, caps_};
  // make_notification's keys in serialize()'s order, around the params written directly.
  std::string body = R"({"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":)";
  document.published.append(body, context);
  body.push_back('}');
  sink_(frame_in_place(std::move(body)));  // megabytes: framed without a copy
}

// ---- configuration --------------------------------------------------------

void Server::request_configuration() {
  std::int64_t id = next_request_id_++;
  outgoing_[id] = [this](const Response& response) {
    if (response.result && response.result->is_array() && !response.result->empty()) {
      apply_configuration((*response.result)[0]);
    }
  };
  send(make_request(id, "workspace/configuration", {{"items", json::array({{{"section", "bitext"}}})}}));
}

void Server::apply_configuration(const json& value) {
  std::vector<std::string> warnings;
  Settings updated = apply_settings(initial_settings_, value, warnings);
  report_settings_warnings("settings", warnings);
  bool options_changed = !same_options(updated.check, settings_.check);
  settings_ = std::move(updated);
  if (!options_changed) return;
  ++generation_;
  for (Document* document : documents_.all()) {
    document->forget_base();
    schedule_analysis(*document, true);
  }
}

// ---- requests -------------------------------------------------------------

void Server::on_initialize(const json& id, const InitializeParams& params) {
  if (state_ != State::Uninitialized) throw RpcError(ErrorCode::InvalidRequest, "initialize was already called");
  caps_ = params.capabilities;
  std::vector<std::string> warnings;
  if (params.initialization_options) initial_settings_ = apply_settings(Settings{}, *params.initialization_options, warnings);
  settings_ = initial_settings_;
  state_ = State::Running;

  json trigger_characters = json::array();
  for (const char* character : kLabelTriggerCharacters) trigger_characters.push_back(character);
  json capabilities{
      {"positionEncoding", encoding_name(caps_.encoding)},
      {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
      {"hoverProvider", true},
      {"definitionProvider", true},
      {"documentHighlightProvider", true},
      {"documentSymbolProvider", {{"label", "Bitext"}}},
      {"workspaceSymbolProvider", true},
      {"codeActionProvider",
       {{"codeActionKinds", json::array({"quickfix", kFixAllKind, kLabelSpeakersKind})}, {"resolveProvider", caps_.code_action_resolve_edit}}},
      {"foldingRangeProvider", true},
      {"renameProvider", {{"prepareProvider", true}}},
      {"completionProvider", {{"triggerCharacters", trigger_characters}, {"resolveProvider", false}}},
      {"semanticTokensProvider", {{"legend", semantic_tokens_legend()}, {"full", true}, {"range", true}}},
  };
  json result{{"capabilities", std::move(capabilities)}, {"serverInfo", {{"name", "bitext"}, {"version", version_}}}};
  if (caps_.encoding_from_offset_encoding) result["offsetEncoding"] = encoding_name(caps_.encoding);
  respond(id, std::move(result));
  report_settings_warnings("initializationOptions", warnings);
}

void Server::on_shutdown(const json& id, const Void&) {
  state_ = State::ShutDown;
  for (auto& [uri, timer] : debounce_timers_) timer->cancel();
  for (Document* document : documents_.all()) {
    abandon_waiting(*document, ErrorCode::InvalidRequest, "the server is shutting down");
  }
  respond(id, nullptr);
}

void Server::on_hover(const json& id, const TextDocumentPositionParams& params) {
  Position position = params.position;
  Document* document = documents_.find(params.text_document.uri);
  // While the user types, a hover on a line that the edits since the latest
  // analysis did not touch (nor its partner lines, which the hover quotes)
  // is answered from it, its range moved to where the line is now; when the
  // edits were written into its buffer, only on lines before what they wrote
  // over; and not once the analysis of the edits has taken it (the rerun
  // frees its transcript: AnalysisWorker), nor while it reads it.
  std::optional<Analysis::Reading> reading =
      document != nullptr && !document->current && document->latest && document->held_changes.empty()
          ? document->latest->analysis().try_read()
          : std::nullopt;
  if (reading) {
    auto old_line = document->line_in_latest(position.line);
    bool partners_unchanged = old_line.has_value() && document->line_readable_in_latest(*old_line);
    if (old_line) {
      for (std::uint32_t partner : partner_lines(document->latest->analysis().transcript(), *old_line)) {
        partners_unchanged = partners_unchanged && document->line_in_current(partner).has_value() &&
                             document->line_readable_in_latest(partner);
      }
    }
    if (partners_unchanged) {
      std::int64_t shift = std::int64_t{position.line} - std::int64_t{*old_line};
      FeatureContext context{document->uri, *document->latest, caps_};
      json result = hover(context, Position{*old_line, position.character});
      if (result.is_object() && result.contains("range")) {
        for (const char* end : {"start", "end"}) {
          json& line = result["range"][end]["line"];
          line = line.get<std::int64_t>() + shift;
        }
      }
      respond(id, std::move(result));
      return;
    }
  }
  with_snapshot(id, params.text_document.uri,
                [position](const FeatureContext& context) -> Reply { return hover(context, position); });
}

void Server::on_workspace_symbol(const json& id, const WorkspaceSymbolParams& params) {
  std::vector<OpenDocumentView> views;
  std::vector<Analysis::Reading> readings;  // held until the answer is written
  for (Document* document : documents_.all()) {
    // (A version whose buffer edits were written into is not read; the next is near.)
    const std::shared_ptr<const Snapshot> readable =
        document->latest && !document->latest_written_over ? document->latest : document->current;
    if (!readable) continue;
    // (Taken by the rerun from it: the current version's is there soon; left out meanwhile.)
    std::optional<Analysis::Reading> reading = readable->analysis().try_read();
    if (!reading) continue;
    readings.push_back(std::move(*reading));
    const Analysis& analysis = readable->analysis();
    views.push_back(OpenDocumentView{&document->uri, &analysis.transcript(), &analysis.index()});
  }
  respond_raw(id, workspace_symbols_with_speakers(views, params.query, caps_.encoding));
}

void Server::on_code_action_resolve(const json& id, const CodeActionToResolve& params) {
  Document* document = documents_.find(params.data.uri);
  if (document == nullptr) throw RpcError(ErrorCode::InvalidParams, "document is not open: " + params.data.uri);
  if (params.data.version != document->version) throw RpcError(ErrorCode::ContentModified, "the document has changed");
  with_snapshot(id, params.data.uri,
                [params](const FeatureContext& context) { return resolve_code_action(context, params); });
}

// ---- notifications --------------------------------------------------------

void Server::on_initialized(Void) {
  if (caps_.configuration_pull) request_configuration();
}

void Server::on_did_open(DidOpenTextDocumentParams params) {
  TextDocumentItem& item = params.text_document;
  // (The message limit keeps an opened text far below kMaxDocumentBytes.)
  if (Document* old = documents_.find(item.uri)) {
    abandon_waiting(*old, ErrorCode::ContentModified, "the document was reopened");
  }
  Document& document = documents_.open(item.uri, item.version, std::move(item.text));
  schedule_analysis(document, true);
}

void Server::on_did_change(DidChangeTextDocumentParams params) {
  const std::string& uri = params.text_document.uri;
  Document* document = documents_.find(uri);
  if (document == nullptr) throw RpcError(ErrorCode::InvalidParams, "didChange for a document that is not open: " + uri);
  std::int64_t new_version = params.text_document.version.value_or(document->version + 1);
  document->failure.reset();
  // A job still queued for the text being edited would be replaced by the
  // next one anyway; dropped now, it no longer holds the buffer, which the
  // edit can then change in place instead of copying (every path below
  // schedules a new analysis or closes the document).
  document->jobs_pending -= static_cast<std::uint32_t>(std::min<std::size_t>(worker_.cancel(uri), document->jobs_pending));
  document->version = new_version;
  document->current.reset();
  abandon_waiting(*document, ErrorCode::ContentModified, "the document changed");
  if (document->jobs_pending > 0 || !document->held_changes.empty()) {
    // A job reads the buffer: the changes wait for its result rather than
    // copy the text (one copy of a large document, however fast the typing).
    for (TextDocumentContentChangeEvent& change : params.content_changes)
      document->held_changes.push_back(std::move(change));
    return;
  }
  apply_changes(*document, params.content_changes);
}

void Server::apply_held_changes(Document& document) {
  const std::vector<TextDocumentContentChangeEvent> changes = std::move(document.held_changes);
  document.held_changes.clear();
  try {
    apply_changes(document, changes);
  } catch (const std::exception& e) {
    log(kLogError, "a change to " + document.uri + " could not be applied: " + e.what());
  }
}

void Server::apply_changes(Document& document, const std::vector<TextDocumentContentChangeEvent>& changes) {
  const std::string uri = document.uri;
  std::optional<LineEdit> edit;
  try {
    for (const TextDocumentContentChangeEvent& change : changes) {
      // With no job reading it, the edit goes into the buffer the base
      // analysed, which the versions analysed from it then no longer read
      // (one copy of a large document, not two).
      const bool write_over = document.may_write_over_base();
      LineEdit one = document.text.apply(change.range, change.text, caps_.encoding, write_over);
      if (document.text.wrote_shared()) {
        if (document.latest && &document.latest->analysis().text() == &document.text.text())
          document.latest_written_over = true;
        document.published.source_written_over();
      }
      edit = edit ? compose(*edit, one) : one;
    }
  } catch (...) {
    // Part of the changes may be applied: the next analysis starts afresh, and
    // the client must be told that we may be out of step.
    document.record_edit(LineEdit{0, 0, 0});
    document.forget_base();
    schedule_analysis(document, false);
    throw;
  }
  if (document.text.text().size() > kMaxDocumentBytes) {
    std::string why = uri + " is larger than " + std::to_string(kMaxDocumentBytes) +
                      " bytes: it is no longer checked (close and reopen it once it is smaller)";
    send(make_notification("window/showMessage", {{"type", kLogError}, {"message", "bitext: " + why}}));
    on_did_close(TextDocumentParams{TextDocumentIdentifier{uri}});
    return;
  }
  document.record_edit(edit.value_or(LineEdit{0, 0, 0}));
  schedule_analysis(document, false);
}

void Server::on_did_close(TextDocumentParams params) {
  const std::string& uri = params.text_document.uri;
  auto document = documents_.close(uri);
  if (!document) return;
  worker_.cancel(uri);
  if (auto timer = debounce_timers_.find(uri); timer != debounce_timers_.end()) {
    timer->second->cancel();
    debounce_timers_.erase(timer);
  }
  abandon_waiting(*document, ErrorCode::ContentModified, "the document was closed");
  send(make_notification("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}}));
  worker_.release_memory_when_idle();  // its text and analyses are freed with it
}

void Server::on_did_save(TextDocumentParams) {
  // Diagnostics follow the text as typed; saving changes nothing.
}

void Server::on_did_change_configuration(DidChangeConfigurationParams params) {
  const json& settings = params.settings;
  if (settings.is_object() && settings.contains("bitext")) {
    apply_configuration(settings);
  } else if (caps_.configuration_pull) {
    request_configuration();
  } else {
    apply_configuration(settings);
  }
}

void Server::on_cancel_request(CancelParams params) {
  for (Document* document : documents_.all()) {
    auto& waiting = document->waiting;
    for (auto it = waiting.begin(); it != waiting.end(); ++it) {
      if (it->id == params.id) {
        json cancelled_id = it->id;
        waiting.erase(it);
        respond_error(cancelled_id, ErrorCode::RequestCancelled, "the request was cancelled");
        return;
      }
    }
  }
  // Already answered (everything else is answered at once): nothing to do.
}

}  // namespace bitext::lsp
