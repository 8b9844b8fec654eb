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
;; first lines look like a bilingual transcript (see `bitext-detect-txt').
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

(defun bitext--bilingual-buffer-p ()
  "Non-nil if the buffer is a *.txt file whose first lines look bilingual.
Counts lines holding CJK characters (kana, Han, Hangul and CJK punctuation)
against lines holding Latin words; each kind must make up a third of them."
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
