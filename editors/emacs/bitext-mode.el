;;; bitext-mode.el --- Bilingual transcripts checked by `bitext lsp' through Eglot  -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "27.1") (eglot "1.9"))
;; Keywords: languages, i18n

;;; Commentary:

;; A major mode for bilingual transcripts (a translation line followed by its
;; original, or the other way round) and its registration with Eglot, so that
;; `M-x eglot' (or `eglot-ensure' from `bitext-mode-hook') runs `bitext lsp'.
;;
;; Files named *.bitext always open in `bitext-mode'; *.txt files do when their
;; first lines look like a bilingual transcript (see `bitext-detect-txt'), and
;; Markdown, SRT and WebVTT files when `bitext detect' says they are bilingual
;; (see `bitext-detect-layouts'); other Markdown keeps its own mode.
;;
;;   (add-to-list 'load-path "/path/to/bitext/editors/emacs")
;;   (require 'bitext-mode)
;;   (add-hook 'bitext-mode-hook #'eglot-ensure)

;;; Code:

(require 'cl-lib)
(require 'eglot)

(defgroup bitext nil
  "Bilingual transcripts checked by the Bitext language server."
  :group 'text)

(defcustom bitext-server-command '("bitext" "lsp")
  "Command line that starts the Bitext language server."
  :type '(repeat string))

(defcustom bitext-detect-txt t
  "Non-nil means open *.txt files that look bilingual in `bitext-mode'."
  :type 'boolean)

(defcustom bitext-detect-lines 80
  "How many lines at the start of a *.txt file `bitext-detect-txt' looks at."
  :type 'integer)

(defcustom bitext-detect-layouts '("md" "markdown" "srt" "vtt")
  "Extensions of files opened in `bitext-mode' when they are bilingual transcripts.
The server's own test decides (`bitext detect FILE', the first word of
`bitext-server-command'); without the program, the line count of
`bitext-detect-txt' or the same count over paragraphs.  nil: never."
  :type '(repeat string))

(defun bitext--layout-file-p ()
  "Non-nil if the buffer visits a file of `bitext-detect-layouts'."
  (and buffer-file-name bitext-detect-layouts
       (member (downcase (or (file-name-extension buffer-file-name) "")) bitext-detect-layouts)))

(defun bitext--count-bilingual-p (by-paragraph)
  "Non-nil if CJK and Latin units each make up a third of the buffer's first units.
Units are lines, or paragraphs (runs of non-blank lines) when BY-PARAGRAPH."
  (save-excursion
    (save-restriction
      (widen)
      (goto-char (point-min))
      (let ((cjk 0) (latin 0) (n 0) (block nil)
            (limit (if by-paragraph (* 5 bitext-detect-lines) bitext-detect-lines)))
        (while (and (< n limit) (not (eobp)))
          (let ((line (buffer-substring-no-properties (line-beginning-position) (line-end-position))))
            (cond ((string-match-p "\\`[ \t]*\\'" line)
                   (pcase block ('cjk (setq cjk (1+ cjk))) ('latin (setq latin (1+ latin))))
                   (setq block nil))
                  ((string-match-p "[\u3000-\ud7ff]" line)
                   (if by-paragraph (setq block 'cjk) (setq cjk (1+ cjk))))
                  ((string-match-p "[A-Za-z][A-Za-z]" line)
                   (if by-paragraph (unless block (setq block 'latin)) (setq latin (1+ latin))))))
          (setq n (1+ n))
          (forward-line 1))
        (pcase block ('cjk (setq cjk (1+ cjk))) ('latin (setq latin (1+ latin))))
        (and (>= cjk 2) (>= latin 2)
             (>= (* 3 (min cjk latin)) (+ cjk latin)))))))

(defun bitext--bilingual-layout-p ()
  "Non-nil if the buffer is a bilingual Markdown or subtitle file."
  (and (bitext--layout-file-p)
       (let ((program (executable-find (car bitext-server-command))))
         (if (and program (file-readable-p buffer-file-name))
             (eq 0 (call-process program nil nil nil "detect" (expand-file-name buffer-file-name)))
           (or (bitext--count-bilingual-p nil) (bitext--count-bilingual-p t))))))

(defun bitext--bilingual-buffer-p ()
  "Non-nil if the buffer is a transcript to open in `bitext-mode'.
A *.txt file whose first lines look bilingual: counts lines holding CJK
characters (kana, Han, Hangul and CJK punctuation) against lines holding
Latin words; each kind must make up a third of them.  Or a Markdown or
subtitle file that `bitext--bilingual-layout-p' accepts."
  (or (bitext--bilingual-layout-p)
      (bitext--bilingual-txt-p)))

(defun bitext--bilingual-txt-p ()
  "Non-nil if the buffer is a *.txt file whose first lines look bilingual."
  (and bitext-detect-txt
       buffer-file-name
       (string-match-p "\\.txt\\'" buffer-file-name)
       (save-excursion
         (save-restriction
           (widen)
           (goto-char (point-min))
           (let ((cjk 0) (latin 0) (n 0))
             (while (and (< n bitext-detect-lines) (not (eobp)))
               (let ((line (buffer-substring-no-properties
                            (line-beginning-position) (line-end-position))))
                 (cond ((string-match-p "[\u3000-\ud7ff]" line) (setq cjk (1+ cjk)))
                       ((string-match-p "[A-Za-z][A-Za-z]" line) (setq latin (1+ latin)))))
               (setq n (1+ n))
               (forward-line 1))
             (and (>= cjk 2) (>= latin 2)
                  (>= (* 3 (min cjk latin)) (+ cjk latin))))))))

;;;###autoload
(define-derived-mode bitext-mode text-mode "Bitext"
  "Major mode for bilingual transcripts checked by `bitext lsp'.
Start the server with \\[eglot], or add `eglot-ensure' to `bitext-mode-hook'."
  ;; Translations are long lines; keep them readable without hard wrapping.
  (setq-local truncate-lines nil)
  (visual-line-mode 1))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.bitext\\'" . bitext-mode))
;;;###autoload
(add-to-list 'magic-mode-alist '(bitext--bilingual-buffer-p . bitext-mode))

;; A function rather than a list, so that changes to `bitext-server-command'
;; after loading this file still apply.
(add-to-list 'eglot-server-programs
             `(bitext-mode . ,(lambda (&rest _) bitext-server-command)))

(defun bitext-fix-at-point ()
  "Apply the preferred quick fix of the Bitext diagnostic at point."
  (interactive)
  (let* ((beg (line-beginning-position))
         (end (line-end-position))
         (actions (eglot-code-actions beg end "quickfix"))
         (action (or (seq-find (lambda (a) (eq (plist-get a :isPreferred) t)) actions)
                     (car actions))))
    (unless action (user-error "No Bitext quick fix on this line"))
    (eglot--apply-workspace-edit (plist-get action :edit))))

(defun bitext-fix-all-like-this ()
  "Fix every finding in the file of the same kind as the diagnostic at point.
Applies the server's \"fix all\" source action offered for the current line."
  (interactive)
  (let* ((actions (cl-remove-if-not
                   (lambda (a) (string-prefix-p "source.fixAll" (or (plist-get a :kind) "")))
                   (eglot-code-actions (line-beginning-position) (line-end-position))))
         (action (if (cdr actions)
                     (let ((titles (mapcar (lambda (a) (cons (plist-get a :title) a)) actions)))
                       (cdr (assoc (completing-read "Fix all: " titles nil t) titles)))
                   (car actions))))
    (unless action (user-error "No Bitext fix-all for this line's findings"))
    (unless (plist-get action :edit) (user-error "The server sent no edit for %s" (plist-get action :title)))
    (eglot--apply-workspace-edit (plist-get action :edit))))

(define-key bitext-mode-map (kbd "C-c C-f") #'bitext-fix-at-point)
(define-key bitext-mode-map (kbd "C-c C-a") #'bitext-fix-all-like-this)

(provide 'bitext-mode)
;;; bitext-mode.el ends here
