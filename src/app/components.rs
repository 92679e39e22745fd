//! Small views shared by pages; they take props and never fetch.

pub mod article_list;
pub mod article_meta;
pub mod article_row;
pub mod category_nav;
pub mod help;
pub mod list_filters;
pub mod page_heading;
pub mod search_box;
pub mod search_status;
