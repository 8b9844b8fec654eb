#include "lsp/detect.hpp"

#include <string>

#include "lsp/protocol.hpp"
#include "lsp/server.hpp"

namespace bitext::lsp {

json detection_json(const Detection& detection) {
  return json{{"bilingual", detection.bilingual},
              {"order", detection.order == LineOrder::OriginalFirst ? "original-first" : "translation-first"},
              {"translationScript", std::string(script_name(detection.translation_script))},
              {"originalScript", std::string(script_name(detection.original_script))},
              {"pairs", detection.pairs},
              {"bytesExamined", detection.bytes_examined},
              {"subtitles", detection.markup},
              {"speakers", detection.speakers}};
}

// params: {"text": string} (the beginning of a document the server need not
// have open; a client sends its first 64 KiB), or {"textDocument": {"uri"}}
// for an open document.
void Server::on_detect(const json& id, const DetectParams& params) {
  if (params.text) {
    respond(id, detection_json(detect_transcript(*params.text, settings_.check)));
    return;
  }
  if (!params.text_document) throw RpcError(ErrorCode::InvalidParams, "params: expected \"text\" or \"textDocument\"");
  const std::string& uri = params.text_document->uri;
  const Document* document = documents_.find(uri);
  if (document == nullptr) throw RpcError(ErrorCode::InvalidParams, "document is not open: " + uri);
  if (!document->held_changes.empty()) {
    // The text lacks changes held while a job reads it: answered from the
    // analysis of the text with them.
    with_snapshot(id, uri, [options = settings_.check](const FeatureContext& context) -> Reply {
      return detection_json(detect_transcript(context.analysis().text(), options));
    });
    return;
  }
  respond(id, detection_json(detect_transcript(document->text.text(), settings_.check)));
}

}  // namespace bitext::lsp
