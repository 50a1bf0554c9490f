//! The tree html5ever builds from a chapter's HTML, with the line each element was written on.
//!
//! ammonia keeps its own tree private, and tebiki needs to say on which line a refused
//! element is, so this is the smallest tree html5ever can build into: nodes in a vector,
//! each knowing its parent and children. It is parsed exactly as ammonia parses (a fragment
//! in a `div`, the same html5ever) and written back with html5ever's serializer, so that
//! the two can be compared character for character.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::io;

use html5ever::serialize::{AttrRef, Serialize, Serializer, TraversalScope};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, LocalName, Namespace, QualName, local_name, ns};

pub(super) type Id = usize;

#[derive(Debug)]
pub(super) enum Data {
    Document,
    Element {
        name: QualName,
        attrs: Vec<Attribute>,
        template_contents: Option<Id>,
    },
    Text(String),
    Comment(String),
    /// A doctype or processing instruction: never kept in a fragment.
    Other,
}

#[derive(Debug)]
pub(super) struct Node {
    pub data: Data,
    pub parent: Option<Id>,
    pub children: Vec<Id>,
    /// The line (of the parsed text, from 1) the parser was on when it made the node.
    pub line: u64,
}

#[derive(Default)]
pub(super) struct Dom {
    nodes: RefCell<Vec<Node>>,
    line: Cell<u64>,
}

impl Dom {
    /// Parses `html` as the children of a `div`, as ammonia does.
    pub(super) fn parse_fragment(html: &str) -> Dom {
        let dom = Dom::default();
        dom.line.set(1);
        dom.push(Data::Document);
        let context = QualName::new(None, ns!(html), local_name!("div"));
        html5ever::parse_fragment(dom, Default::default(), context, Vec::new(), false).one(html)
    }

    pub(super) fn node(&self, id: Id) -> std::cell::Ref<'_, Node> {
        std::cell::Ref::map(self.nodes.borrow(), |nodes| &nodes[id])
    }

    /// The element that holds the fragment: the parser's `html` root.
    pub(super) fn fragment_root(&self) -> Id {
        self.node(0).children.first().copied().unwrap_or(0)
    }

    /// Every node below `root` in document order, each with its depth below `root` (1 for
    /// a child). Iterative, so that deeply nested HTML cannot overflow the stack.
    pub(super) fn descendants(&self, root: Id) -> Vec<(Id, usize)> {
        let mut order = Vec::new();
        let mut stack: Vec<(Id, usize)> = self.node(root).children.iter().rev().map(|&c| (c, 1)).collect();
        while let Some((id, depth)) = stack.pop() {
            order.push((id, depth));
            stack.extend(self.node(id).children.iter().rev().map(|&c| (c, depth + 1)));
        }
        order
    }

    /// The fragment written back as HTML, without comments, with each attribute value
    /// passed through `value` (element, attribute name, value) and each text through
    /// `text` (the text, whether inside one of `verbatim`'s elements).
    pub(super) fn serialize(&self, rewrite: Rewrite<'_>) -> String {
        let mut out = Vec::new();
        let opts = html5ever::serialize::SerializeOpts::default();
        let fragment = Fragment { dom: self, rewrite: RefCell::new(rewrite) };
        html5ever::serialize(&mut out, &fragment, opts).expect("writing to memory cannot fail");
        String::from_utf8(out).expect("the serializer writes UTF-8")
    }

    fn push(&self, data: Data) -> Id {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(Node { data, parent: None, children: Vec::new(), line: self.line.get() });
        nodes.len() - 1
    }

    fn detach(&self, id: Id) {
        let mut nodes = self.nodes.borrow_mut();
        if let Some(parent) = nodes[id].parent.take() {
            nodes[parent].children.retain(|&c| c != id);
        }
    }

    /// Inserts `child` into `parent` at `index`, merging text with a text node before it.
    fn insert(&self, parent: Id, index: usize, child: NodeOrText<Id>) {
        let id = match child {
            NodeOrText::AppendText(text) => {
                let mut nodes = self.nodes.borrow_mut();
                if let Some(&before) = index.checked_sub(1).and_then(|i| nodes[parent].children.get(i))
                    && let Data::Text(existing) = &mut nodes[before].data
                {
                    existing.push_str(&text);
                    return;
                }
                drop(nodes);
                self.push(Data::Text(text.to_string()))
            }
            NodeOrText::AppendNode(id) => {
                self.detach(id);
                id
            }
        };
        let mut nodes = self.nodes.borrow_mut();
        let index = index.min(nodes[parent].children.len());
        nodes[parent].children.insert(index, id);
        nodes[id].parent = Some(parent);
    }
}

/// An element's name, as the tree builder asks for it.
#[derive(Debug)]
pub(super) struct Name(QualName);

impl html5ever::tree_builder::ElemName for Name {
    fn ns(&self) -> &Namespace {
        &self.0.ns
    }

    fn local_name(&self) -> &LocalName {
        &self.0.local
    }
}

impl TreeSink for Dom {
    type Handle = Id;
    type Output = Dom;
    type ElemName<'a> = Name;

    fn finish(self) -> Dom {
        self
    }

    fn parse_error(&self, _message: Cow<'static, str>) {}

    fn get_document(&self) -> Id {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a Id) -> Name {
        match &self.node(*target).data {
            Data::Element { name, .. } => Name(name.clone()),
            _ => panic!("the tree builder asks names of elements only"),
        }
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Id {
        let template_contents = flags.template.then(|| self.push(Data::Document));
        self.push(Data::Element { name, attrs, template_contents })
    }

    fn create_comment(&self, text: StrTendril) -> Id {
        self.push(Data::Comment(text.to_string()))
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Id {
        self.push(Data::Other)
    }

    fn append(&self, parent: &Id, child: NodeOrText<Id>) {
        let end = self.node(*parent).children.len();
        self.insert(*parent, end, child);
    }

    fn append_based_on_parent_node(&self, element: &Id, prev_element: &Id, child: NodeOrText<Id>) {
        if self.node(*element).parent.is_some() {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _name: StrTendril, _public_id: StrTendril, _system_id: StrTendril) {}

    fn get_template_contents(&self, target: &Id) -> Id {
        match &self.node(*target).data {
            Data::Element { template_contents: Some(contents), .. } => *contents,
            _ => panic!("the tree builder asks template contents of templates only"),
        }
    }

    fn same_node(&self, x: &Id, y: &Id) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Id, new_node: NodeOrText<Id>) {
        let Some(parent) = self.node(*sibling).parent else { return };
        let index = self.node(parent).children.iter().position(|c| c == sibling).unwrap_or(0);
        self.insert(parent, index, new_node);
    }

    fn add_attrs_if_missing(&self, target: &Id, attrs: Vec<Attribute>) {
        if let Data::Element { attrs: existing, .. } = &mut self.nodes.borrow_mut()[*target].data {
            for attr in attrs {
                if !existing.iter().any(|a| a.name == attr.name) {
                    existing.push(attr);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &Id) {
        self.detach(*target);
    }

    fn reparent_children(&self, node: &Id, new_parent: &Id) {
        let children = std::mem::take(&mut self.nodes.borrow_mut()[*node].children);
        for child in children {
            self.nodes.borrow_mut()[child].parent = None;
            self.append(new_parent, NodeOrText::AppendNode(child));
        }
    }

    fn set_current_line(&self, line_number: u64) {
        self.line.set(line_number);
    }
}

/// How `Dom::serialize` changes what it writes.
pub(super) struct Rewrite<'a> {
    pub value: &'a mut dyn FnMut(&str, &str, &str) -> String,
    pub text: &'a mut dyn FnMut(&str, bool) -> String,
    /// Elements whose text `text` is told is verbatim.
    pub verbatim: &'a [&'a str],
    /// Puts each table in a box of its own (`<div class="table-wrap" tabindex="0">`), as
    /// Markdown tables are, so that a wide one scrolls there and not the whole page.
    pub wrap_tables: bool,
}

impl Rewrite<'_> {
    /// Writes everything back as it is.
    pub(super) fn none<R>(write: impl FnOnce(Rewrite<'_>) -> R) -> R {
        write(Rewrite {
            value: &mut |_, _, v| v.to_string(),
            text: &mut |t, _| t.to_string(),
            verbatim: &[],
            wrap_tables: false,
        })
    }
}

/// The children of the fragment's root, as html5ever's serializer walks them.
struct Fragment<'d, 'r> {
    dom: &'d Dom,
    rewrite: RefCell<Rewrite<'r>>,
}

impl Serialize for Fragment<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: &mut S, _scope: TraversalScope) -> io::Result<()> {
        enum Step {
            Open(Id),
            Close(QualName, bool),
        }
        let wrapper = || QualName::new(None, ns!(html), local_name!("div"));
        let wrapper_attributes = [
            (QualName::new(None, ns!(), local_name!("class")), "table-wrap".to_string()),
            (QualName::new(None, ns!(), local_name!("tabindex")), "0".to_string()),
        ];
        let mut rewrite = self.rewrite.borrow_mut();
        let mut verbatim = 0usize;
        let root = self.dom.fragment_root();
        let mut steps: Vec<Step> = self.dom.node(root).children.iter().rev().map(|&c| Step::Open(c)).collect();
        while let Some(step) = steps.pop() {
            let id = match step {
                Step::Close(name, was_verbatim) => {
                    verbatim -= usize::from(was_verbatim);
                    let wrapped = rewrite.wrap_tables && name.local == local_name!("table");
                    serializer.end_elem(name)?;
                    if wrapped {
                        serializer.end_elem(wrapper())?;
                    }
                    continue;
                }
                Step::Open(id) => id,
            };
            let node = self.dom.node(id);
            match &node.data {
                Data::Element { name, attrs, .. } => {
                    let element = name.local.as_ref();
                    let values: Vec<(QualName, String)> = attrs
                        .iter()
                        .map(|a| (a.name.clone(), (rewrite.value)(element, a.name.local.as_ref(), &a.value)))
                        .collect();
                    if rewrite.wrap_tables && name.local == local_name!("table") {
                        serializer
                            .start_elem(wrapper(), wrapper_attributes.iter().map(|(n, v)| -> AttrRef<'_> { (n, v) }))?;
                    }
                    serializer.start_elem(name.clone(), values.iter().map(|(n, v)| -> AttrRef<'_> { (n, v) }))?;
                    let is_verbatim = rewrite.verbatim.contains(&element);
                    verbatim += usize::from(is_verbatim);
                    steps.push(Step::Close(name.clone(), is_verbatim));
                    steps.extend(node.children.iter().rev().map(|&c| Step::Open(c)));
                }
                Data::Text(text) => serializer.write_text(&(rewrite.text)(text, verbatim > 0))?,
                Data::Comment(_) | Data::Document | Data::Other => {}
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(html: &str) -> String {
        Rewrite::none(|rewrite| Dom::parse_fragment(html).serialize(rewrite))
    }

    #[test]
    fn writes_back_what_ammonia_writes_for_allowed_html() {
        let allow_all = super::super::policy::ammonia();
        for html in [
            "<p>本文<b>太字</b></p>",
            "<table><tr><td colspan=2>a<td>b</table>",
            "<details open><summary>詳しく</summary><p>x &amp; y</p></details>",
            "<ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby><br><img src=a.png alt=\"写真\">",
            "<pre>\n\nコード</pre><p>unclosed <i>italic",
        ] {
            assert_eq!(same(html), allow_all.clean(html).to_string(), "{html}");
        }
    }

    #[test]
    fn elements_know_their_line() {
        let dom = Dom::parse_fragment("<p>a</p>\n\n<div\nclass=x>b</div>");
        let lines: Vec<(String, u64)> = dom
            .descendants(dom.fragment_root())
            .into_iter()
            .filter_map(|(id, _)| match &dom.node(id).data {
                Data::Element { name, .. } => Some((name.local.to_string(), dom.node(id).line)),
                _ => None,
            })
            .collect();
        assert_eq!(lines, [("p".to_string(), 1), ("div".to_string(), 4)]);
    }

    #[test]
    fn deep_nesting_is_walked_without_recursion() {
        let html = "<span>".repeat(20_000);
        let dom = Dom::parse_fragment(&html);
        assert_eq!(dom.descendants(dom.fragment_root()).len(), 20_000);
        assert_eq!(same(&html).len(), html.len() + "</span>".len() * 20_000);
    }
}
